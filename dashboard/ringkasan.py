"""The headline figures of a period, s.d. a triwulan: the one place the five measures are computed.

The Ringkasan page, `summary --json`, the Kabupaten page and the exports all call `ringkasan()`
(or its parts) on a `Periode` read by `dashboard.data`, so they can never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dashboard import anggaran as ang
from dashboard import desa as desa_f
from dashboard import efisiensi as efisiensi_f
from dashboard import format as fmt
from dashboard import iku as iku_f
from dashboard import skm as skm_f
from dashboard.data import IndikatorData, Periode
from dashboard.skala import DEFAULT_SKALA, PRESETS, Band, kategori

SEN = 100


def skala_bands(p: Periode, nama: str) -> list[Band]:
    return p.skala.get(nama) or PRESETS[DEFAULT_SKALA]


def _kat(value, bands):
    k = kategori(value, bands)
    return (k.label, k.warna) if k else (None, None)


# ---------------------------------------------------------------- IKU

@dataclass
class IkuBaris:
    ind: IndikatorData
    target: float | None  # for s.d. TW n
    target_tahunan: float | None
    target_tw: dict[int, float | None]
    versi: str | None
    jumlah_versi: int
    target_renstra: float | None
    nilai_tw: dict[int, float | None]
    realisasi: float | None  # s.d. TW n
    capaian: float | None
    kategori: str | None
    warna: str | None
    capaian_renstra: float | None
    laju: float | None  # value required by TW n to be on pace
    tertinggal: bool


def iku_baris(p: Periode, ind: IndikatorData, triwulan: int, tahun: int | None = None) -> IkuBaris:
    tahun = tahun or p.tahun
    tv = ind.target_berlaku(tahun)
    target_tw = tv.target_tw if tv else {}
    target_tahunan = tv.target if tv else None
    target = iku_f.target_sd(target_tahunan, target_tw, triwulan)
    nilai_tw = ind.nilai_tw(tahun)
    realisasi = iku_f.realisasi_sd(nilai_tw, triwulan, ind.agregasi)
    capaian = iku_f.capaian(target, realisasi, ind.polaritas, ind.nol_per_nol)
    label, warna = _kat(capaian, skala_bands(p, p.setelan.skala_capaian))
    renstra = next((v.target_renstra for t in sorted(ind.target_versi, reverse=True)
                    for v in reversed(ind.target_versi[t]) if v.target_renstra is not None), None)
    punya_tw = any(v is not None for v in target_tw.values())
    if punya_tw:
        laju = target_tw.get(triwulan) if target_tw.get(triwulan) is not None else target_tahunan
    elif ind.agregasi == "jumlah" and target_tahunan is not None:
        laju = target_tahunan * triwulan / 4
    else:
        laju = target_tahunan  # a level or an average should stand at the year's target
    tertinggal = False
    if laju is not None and realisasi is not None and laju != 0:
        tertinggal = (iku_f.capaian(laju, realisasi, ind.polaritas) or 0) < 100
    return IkuBaris(ind=ind, target=target, target_tahunan=target_tahunan, target_tw=target_tw,
                    versi=tv.versi if tv else None, jumlah_versi=len(ind.target_versi.get(tahun, [])),
                    target_renstra=renstra, nilai_tw=nilai_tw, realisasi=realisasi, capaian=capaian,
                    kategori=label, warna=warna,
                    capaian_renstra=iku_f.capaian_renstra(realisasi, renstra, ind.polaritas),
                    laju=laju, tertinggal=tertinggal)


def indikator_tahun(p: Periode) -> list[IndikatorData]:
    """Indicators with a target or a realisasi in the period's year."""
    return [i for i in p.indikator if p.tahun in i.target_versi or p.tahun in i.realisasi]


def hitung_iku(p: Periode, triwulan: int) -> dict:
    baris = [iku_baris(p, i, triwulan) for i in indikator_tahun(p)]
    iku = [b for b in baris if b.ind.jenis == "iku"]
    rata = iku_f.rata_rata_capaian([b.capaian for b in iku], p.setelan.batas_capaian)
    label, warna = _kat(rata, skala_bands(p, p.setelan.skala_capaian))
    return {"rata_rata_capaian": rata, "kategori": label, "warna": warna, "skala": p.setelan.skala_capaian,
            "batas_capaian": p.setelan.batas_capaian, "jumlah_iku": len(iku),
            "terukur": sum(1 for b in iku if b.capaian is not None), "baris": baris}


# ---------------------------------------------------------------- Anggaran

def pohon_periode(p: Periode) -> tuple[str | None, list[ang.Simpul]]:
    jenis = ang.pilih_pohon(p.anggaran)
    if jenis is None:
        return None, []
    return jenis, ang.bangun_pohon([b for b in p.anggaran if ang.pohon_dari_kode(b.kode) == jenis])


def triwulan_anggaran(p: Periode, jenis: str | None) -> set[int]:
    """The TW an import gave figures for (in the tree in use)."""
    return {tw for b in p.anggaran if jenis and ang.pohon_dari_kode(b.kode) == jenis for tw in b.realisasi_tw}


def hitung_anggaran(p: Periode, triwulan: int) -> dict:
    jenis, pohon = pohon_periode(p)
    ada_tw = triwulan_anggaran(p, jenis)
    pagu_sen = sum(s.pagu for s in pohon) if pohon else None
    ada = triwulan in ada_tw
    realisasi_sen = sum(s.realisasi_sd(triwulan) for s in pohon) if (pohon and ada) else None
    serapan = ang.serapan(realisasi_sen, pagu_sen) if ada else None
    rencana_list = [s.rencana_sd(triwulan) for s in pohon]
    rencana_sen = sum(r for r in rencana_list if r is not None) if any(r is not None for r in rencana_list) else None
    label, warna = _kat(serapan, skala_bands(p, p.setelan.skala_serapan))
    program = []
    for s in pohon:
        r = s.realisasi_sd(triwulan) if ada else None
        program.append({"kode": s.kode, "uraian": s.uraian, "pagu": s.pagu / SEN,
                        "realisasi": None if r is None else r / SEN, "serapan": ang.serapan(r, s.pagu) if ada else None})
    return {
        "pagu": None if pagu_sen is None else pagu_sen / SEN,
        "realisasi": None if realisasi_sen is None else realisasi_sen / SEN,
        "serapan": serapan, "kategori": label, "warna": warna, "skala": p.setelan.skala_serapan,
        "rencana": None if rencana_sen is None or not ada else rencana_sen / SEN,
        "deviasi": None if (rencana_sen is None or realisasi_sen is None) else (realisasi_sen - rencana_sen) / SEN,
        "pohon": jenis, "triwulan_data": sorted(ada_tw), "program": program, "_simpul": pohon,
    }


def jenis_belanja(p: Periode, triwulan: int) -> list[dict]:
    """Pagu and realisasi by jenis belanja (from the account tree's codes or a jenis_belanja column)."""
    jenis, _ = pohon_periode(p)
    ada = triwulan in triwulan_anggaran(p, jenis)
    lines = [b for b in p.anggaran if ang.pohon_dari_kode(b.kode) == jenis]
    kode_set = {b.kode for b in lines}
    uraian = {b.kode: b.uraian for b in lines} if jenis == "rekening" else {}
    per: dict[str, list[int]] = {}
    for b in lines:
        if any(k != b.kode and k.startswith(b.kode + ".") for k in kode_set):
            continue  # a parent row: its children carry the figures
        label = b.jenis_belanja or ang.jenis_belanja_dari_kode(b.kode) or ang.jenis_dari_induk(b.kode, uraian) \
            or "Lainnya"
        pr = per.setdefault(label, [0, 0])
        pr[0] += b.pagu or 0
        pr[1] += sum(v for tw, v in b.realisasi_tw.items() if tw <= triwulan)
    return [{"jenis_belanja": k, "pagu": v[0] / SEN, "realisasi": v[1] / SEN if ada else None,
             "serapan": ang.serapan(v[1], v[0]) if ada else None} for k, v in sorted(per.items())]


# ---------------------------------------------------------------- SKM

@dataclass
class SkmTw:
    triwulan: int
    ikm: float | None
    sumber: str  # responden | rekap_nrr | rekap_ikm
    nrr: dict[str, float | None]
    responden: int | None
    ikm_dihitung: float | None = None  # from the NRR, where a printed IKM is the figure of record
    periode: str = "triwulan"  # the kind of survey: triwulan | semester | tahunan
    layanan: int = 0  # a rekap per layanan: how many layanan the kecamatan's figures combine


def skm_triwulan(p: Periode, tw: int) -> SkmTw | None:
    d = p.skm.get(tw)
    if d is None:
        return None
    bobot = p.setelan.bobot_ikm
    if d.responden:
        nrr = {u: (d.jumlah.get(u) / d.terisi[u]) if d.terisi.get(u) else None for u in skm_f.UNSUR}
        return SkmTw(tw, skm_f.ikm(nrr, bobot), "responden", nrr, d.responden, periode=d.periode)
    rekap, responden, layanan = d.rekap, d.rekap_responden, 0
    if not rekap and d.layanan:
        rekap, responden, _ = skm_f.gabung_layanan(d.layanan, d.layanan_responden)
        layanan = len(d.layanan)
    nrr = {u: rekap.get(u) for u in skm_f.UNSUR}
    dihitung = skm_f.ikm(nrr, bobot)
    if "IKM" in rekap:
        return SkmTw(tw, rekap["IKM"], "rekap_ikm", nrr, responden, dihitung, d.periode, layanan)
    return SkmTw(tw, dihitung, "rekap_nrr", nrr, responden, periode=d.periode, layanan=layanan)


def jadwal_skm(p: Periode) -> tuple[str, list[int]]:
    """The kind of survey of the year and the TWs it gives results in (formats.md: `skm.periode`,
    `skm.triwulan_survei`): from the year's data, else from the latest earlier year's (an office that surveyed
    once a year is expected to do so again), else per triwulan. Semester I ends in TW II, semester II and a
    year in TW IV, unless the data sit in another TW."""
    ada = {tw: d.periode for tw, d in p.skm.items()}
    if ada:
        jenis = set(ada.values())
        kind = jenis.pop() if len(jenis) == 1 else "campuran"
        tw = set(ada)
    elif p.skm_lalu:
        kind, tw = p.skm_lalu[0], set(p.skm_lalu[1])
    else:
        return "triwulan", [1, 2, 3, 4]
    if kind == "semester":
        if not any(t <= 2 for t in tw):
            tw.add(2)
        if not any(t > 2 for t in tw):
            tw.add(4)
    elif kind in ("triwulan", "campuran"):
        tw |= {1, 2, 3, 4}
    return kind, sorted(tw)


def teks_jadwal(kind: str, tw: list[int]) -> str:
    """`survei tahunan, hasilnya pada TW IV` / `survei per semester: Semester I pada TW II, Semester II pada TW IV`."""
    if kind == "tahunan":
        return f"survei tahunan, hasilnya pada {', '.join(fmt.triwulan(t) for t in tw)}"
    if kind == "semester":
        bagian = [f"Semester {'I' if t <= 2 else 'II'} pada {fmt.triwulan(t)}" for t in tw]
        return "survei per semester: " + ", ".join(bagian)
    return "survei per triwulan"


def hitung_skm(p: Periode, triwulan: int) -> dict:
    per_tw = {tw: skm_triwulan(p, tw) for tw in range(1, triwulan + 1)}
    per_tw = {tw: v for tw, v in per_tw.items() if v is not None}
    ikm_tw = {tw: v.ikm for tw, v in per_tw.items() if v.ikm is not None}
    ikm = skm_f.rata_rata_triwulan(ikm_tw, triwulan)
    nrr = {}
    for u in skm_f.UNSUR:
        vals = {tw: v.nrr.get(u) for tw, v in per_tw.items()}
        nrr[u] = skm_f.rata_rata_triwulan(vals, triwulan)
    resp = [v.responden for v in per_tw.values() if v.responden is not None]
    m = skm_f.mutu(ikm)
    kind, jadwal = jadwal_skm(p)
    return {
        "ikm": ikm, "mutu": m.kode if m else None, "kinerja": m.kinerja if m else None, "warna": m.warna if m else None,
        "responden": sum(resp) if resp else None,
        "ikm_triwulan": {str(tw): v for tw, v in sorted(ikm_tw.items())},
        "nrr": {u: v for u, v in nrr.items() if v is not None},
        "ikm_gabungan": ikm_gabungan(p, triwulan), "bobot": p.setelan.bobot_ikm, "_tw": per_tw,
        "periode": kind, "triwulan_survei": jadwal, "_jadwal": teks_jadwal(kind, jadwal),
        "_jadwal_pendek": f"survei {kind}: " + ", ".join(fmt.triwulan(t) for t in jadwal),
        # no result is due yet s.d. this TW (an annual survey before TW IV): not missing data
        "_menunggu": ikm is None and not any(t <= triwulan for t in jadwal),
    }


def ikm_gabungan(p: Periode, triwulan: int) -> float | None:
    """The pooled IKM: all raw responses of the period together (or respondent-weighted NRR)."""
    jumlah = {u: 0.0 for u in skm_f.UNSUR}
    terisi = {u: 0 for u in skm_f.UNSUR}
    for tw in range(1, triwulan + 1):
        d = p.skm.get(tw)
        if d is None:
            continue
        if d.responden:
            for u in skm_f.UNSUR:
                jumlah[u] += d.jumlah.get(u, 0.0)
                terisi[u] += d.terisi.get(u, 0)
        else:
            rekap, n = d.rekap, d.rekap_responden
            if not rekap and d.layanan:
                rekap, n, _ = skm_f.gabung_layanan(d.layanan, d.layanan_responden)
            if not (n and all(u in rekap for u in skm_f.UNSUR)):
                return None
            for u in skm_f.UNSUR:
                jumlah[u] += rekap[u] * n
                terisi[u] += n
    if not any(terisi.values()):
        return None
    return skm_f.ikm({u: jumlah[u] / terisi[u] if terisi[u] else None for u in skm_f.UNSUR}, p.setelan.bobot_ikm)


# ---------------------------------------------------------------- Desa

def skema_desa(p: Periode, tahun: int | None = None) -> str:
    """The scheme of a year's desa statuses: the one the stored statuses name (a file that says `idm_2016`),
    else the kecamatan's setting `skema_desa`."""
    tahun = tahun or p.tahun
    hitung = Counter(d.status[tahun]["skema"] for d in p.desa
                     if tahun in d.status and d.status[tahun].get("skema") in desa_f.SKEMA)
    return hitung.most_common(1)[0][0] if hitung else p.setelan.skema_desa


def ambang_desa(p: Periode, skema: str) -> list[tuple[float, bool, str]]:
    """The thresholds in force for a scheme (settings `ambang_<skema>`), highest first."""
    return sorted((tuple(a) for a in p.setelan.ambang_skema(skema)), key=lambda a: a[0], reverse=True)


def desa_data(p: Periode, tahun: int | None = None) -> list[desa_f.DesaData]:
    """Every desa with its status of the year. A desa with a score but no status is classified by its scheme
    (the file's, else the setting) and the thresholds in force, and marked `dari_skor`."""
    tahun = tahun or p.tahun
    out = []
    for d in p.desa:
        s = d.status.get(tahun) or {}
        skema = s.get("skema") if s.get("skema") in desa_f.SKEMA else p.setelan.skema_desa
        dims = {k: s.get(k) for k in desa_f.SKEMA[skema][3]} if s else None
        if dims and all(v is None for v in dims.values()):
            dims = None
        status, dari_skor = s.get("status"), False
        if not status and s.get("skor") is not None:
            status = desa_f.klasifikasi(s["skor"], skema, ambang_desa(p, skema))
            dari_skor = status is not None
        out.append(desa_f.DesaData(d.nama, d.jenis, d.definitif, status, s.get("skor"), dims, dari_skor=dari_skor))
    return out


def hitung_desa(p: Periode, tahun: int | None = None) -> dict:
    """Count, Mandiri, rasio and distribution of a year: from the desa statuses, else (no desa has a status
    that year) from a table of counts per status (`sumber` says which)."""
    tahun = tahun or p.tahun
    data = desa_data(p, tahun)
    dihitung = [d for d in data if desa_f.dihitung(d)]
    rasio = desa_f.rasio_desa_mandiri(data)
    distribusi = desa_f.distribusi_status(data)
    skema = skema_desa(p, tahun)
    out = {"jumlah": len(dihitung) if dihitung else None,
           "mandiri": distribusi["Mandiri"] if rasio is not None else None,
           "rasio": rasio, "skema": skema,
           "status": distribusi if rasio is not None else {s: 0 for s in desa_f.STATUS},
           "kelurahan": sum(1 for d in data if d.jenis == "kelurahan"),
           "persiapan": sum(1 for d in data if d.jenis == "desa" and not d.definitif),
           "dari_skor": sum(1 for d in dihitung if d.dari_skor), "sumber": "desa" if rasio is not None else None}
    rekap = p.desa_rekap.get(tahun)
    if rasio is None and rekap:
        status = {s: int(rekap.get(s, 0)) for s in desa_f.STATUS}
        out.update(jumlah=sum(status.values()), mandiri=status["Mandiri"], status=status, sumber="rekap",
                   rasio=desa_f.rasio_rekap(status))
    out["ambang"] = [{"status": st, "batas": b, "inklusif": ink} for b, ink, st in ambang_desa(p, skema)]
    return out


def indikator_hitung(p: Periode, jenis: str) -> IndikatorData | None:
    """The IKU that the app can also compute (hitung = ikm | rasio_desa_mandiri)."""
    return next((i for i in indikator_tahun(p) if i.hitung == jenis and i.jenis == "iku"), None) or \
        next((i for i in indikator_tahun(p) if i.hitung == jenis), None)


def adalah_rasio(satuan: str | None) -> bool:
    return (satuan or "").strip().lower() == "rasio"


def teks_rasio(p: Periode, rasio_persen: float | None) -> str:
    """The rasio desa mandiri as shown everywhere: a percentage (`77,78 %`, `64,29 %`), also where the
    kecamatan's IKU states it as a ratio (0,64): one unit per figure."""
    return fmt.persen(rasio_persen)


def desa_gauge(p: Periode, triwulan: int, desa: dict) -> dict:
    """Rasio desa mandiri against its IKU target where one exists (capaian decides the colour)."""
    ind = indikator_hitung(p, "rasio_desa_mandiri")
    target = None
    if ind is not None:
        b = iku_baris(p, ind, triwulan)
        target = b.target
        if target is not None and adalah_rasio(ind.satuan):
            target = target * 100
    cap = iku_f.capaian(target, desa["rasio"]) if target is not None else None
    label, warna = _kat(cap, skala_bands(p, p.setelan.skala_capaian)) if cap is not None else (None, None)
    return {"target": target, "capaian": cap, "kategori": label, "warna": warna,
            "indikator": ind.kode if ind else None}


# ---------------------------------------------------------------- everything

def triwulan_sebelumnya(tahun: int, triwulan: int) -> tuple[int, int]:
    """The period a headline figure is compared with: TW n−1, or TW IV of the year before for TW I."""
    return (tahun, triwulan - 1) if triwulan > 1 else (tahun - 1, 4)


def ringkasan(p: Periode, triwulan: int, *, dengan_peringatan: bool = True) -> dict:
    """The figures of `summary --json` (formats.md §3), plus private `_` keys the pages use."""
    iku = hitung_iku(p, triwulan)
    anggaran = hitung_anggaran(p, triwulan)
    skm = hitung_skm(p, triwulan)
    desa = hitung_desa(p)
    desa["gauge"] = desa_gauge(p, triwulan, desa)
    metode = p.setelan.efisiensi_metode
    semua = efisiensi_f.semua(iku["rata_rata_capaian"], anggaran["serapan"])
    kat = efisiensi_f.kategori(semua[metode], metode)
    out = {
        "kecamatan": p.kecamatan, "kabupaten": p.kabupaten, "tahun": p.tahun, "triwulan": triwulan,
        "sintetis": p.sintetis,
        "iku": {"rata_rata_capaian": iku["rata_rata_capaian"], "kategori": iku["kategori"], "skala": iku["skala"],
                "indikator": [_iku_json(b) for b in iku["baris"]]},
        "anggaran": {k: anggaran[k] for k in ("pagu", "realisasi", "serapan", "kategori", "rencana", "deviasi",
                                              "program")},
        "skm": {k: skm[k] for k in ("ikm", "mutu", "kinerja", "responden", "ikm_triwulan", "nrr", "periode",
                                    "triwulan_survei")},
        "desa": {k: desa[k] for k in ("jumlah", "mandiri", "rasio", "skema", "status", "ambang", "dari_skor",
                                      "sumber")},
        "efisiensi": {"metode": metode, "nilai": semua[metode], "kategori": kat[0] if kat else None,
                      "semua": semua},
        "peringatan": [],
        "_iku": iku, "_anggaran": anggaran, "_skm": skm, "_desa": desa,
    }
    out["anggaran"]["pohon"] = anggaran["pohon"]
    out["skm"]["ikm_gabungan"] = skm["ikm_gabungan"]
    if dengan_peringatan:
        from dashboard.pemeriksaan import periksa

        out["peringatan"] = [w.json() for w in periksa(p, triwulan)]
    return out


def _iku_json(b: IkuBaris) -> dict:
    return {"kode": b.ind.kode, "nama": b.ind.nama, "satuan": b.ind.satuan, "polaritas": b.ind.polaritas,
            "jenis": b.ind.jenis, "target": b.target, "realisasi": b.realisasi, "capaian": b.capaian,
            "kategori": b.kategori}


def publik(data: dict) -> dict:
    """The summary without the private `_` keys (what `summary --json` prints)."""
    if isinstance(data, dict):
        return {k: publik(v) for k, v in data.items() if not str(k).startswith("_")}
    if isinstance(data, list):
        return [publik(v) for v in data]
    return data
