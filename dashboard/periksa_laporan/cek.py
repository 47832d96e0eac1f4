"""The arithmetic of a printed table: each figure against the figures it is computed from.

Formulas are the domain's, from `dashboard.iku`, `dashboard.anggaran`, `dashboard.skm` and
`dashboard.efisiensi`. A printed figure agrees when it is within the unit of its last printed digit (at
least 0,01) of the recomputed one: reports truncate (99,72 for 99,7257) as often as they round. Sums of
printed amounts allow one unit of the last printed digit per amount. An IKM is compared with the one
recomputed from the printed NRR within 0,5 (domain §3.5: the printed IKM comes from unrounded answers).

A figure computed from a figure that is already reported wrong is not reported again (a total row's
percentage after its pagu).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import fmean

from dashboard import anggaran as ang
from dashboard import efisiensi as efisiensi_f
from dashboard import format as fmt
from dashboard import iku as iku_f
from dashboard import skm as skm_f
from dashboard.impor.kolom import adalah_komposit, baca_unsur, daftar_label_unsur, kunci
from dashboard.periksa_laporan.angka import Angka, baca
from dashboard.periksa_laporan.kenali import Bingkai, Kolom
from dashboard.periksa_laporan.temuan import Temuan

EPS = 1e-9
_ROMAWI = re.compile(r"^(?=[ivxlc]+\.?$)(x{0,3})(ix|iv|v?i{0,3})\.?$", re.I)
_NOMOR = re.compile(r"^(\d+(?:\.\d+)*)\.?$")
_KODE = re.compile(r"^\d+(?:\.\d+)+$|^\d$")
_AWAL_NOMOR = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVX]+)[.)]?\s+(?=\S)")
_DAFTAR_UNSUR = daftar_label_unsur()


@dataclass
class Konteks:
    """What the checks may know beyond the table: the indicators' polarity and the efficiency method of
    the kecamatan in the database (None without one)."""

    polaritas: dict[str, str] = field(default_factory=dict)  # kunci(kode) or kunci(name) -> positif/negatif
    efisiensi_metode: str = efisiensi_f.DEFAULT_METODE
    bobot_ikm: str = "1/9"


def toleransi(*angka: Angka | None, minimum: float = 0.01) -> float:
    """The unit of the last printed digit of the figure checked (at least `minimum`)."""
    return max([minimum] + [a.presisi for a in angka if a is not None]) + EPS


def kunci_nama(teks: str) -> str:
    """An indicator's or a budget line's name for matching: numbering in front and a unit in brackets at the
    end taken off ('Persentase Desa Mandiri di Kecamatan (%)', '1 Program penunjang …')."""
    t = _AWAL_NOMOR.sub("", str(teks))
    t = re.sub(r"\s*\([^)]*\)\s*$", "", t)
    return kunci(t)


def _temuan(b: Bingkai, i: int, k: Kolom, a: Angka, seharusnya: float | None, penjelasan: str, jenis: str,
            label: str, desimal: int | None = None) -> Temuan:
    return Temuan(tabel=b.tabel.nomor, nama_tabel=b.tabel.nama, baris=b.baris_ke(i), label=label,
                  kolom=k.judul or f"kolom {k.j + 1}", tercetak=a.teks, nilai=a.nilai, seharusnya=seharusnya,
                  desimal=a.desimal if desimal is None else desimal, penjelasan=penjelasan, jenis=jenis)


def _kiri(kolom: list[Kolom], peran: str, j: int, batas: int = -1, tahun: int | None = None,
          grup: str | None = None) -> Kolom | None:
    """The nearest column with `peran` left of grid column `j` (and right of `batas`) under the same group
    header, preferring `tahun`."""
    calon = [k for k in kolom if k.peran == peran and batas < k.j < j and (grup is None or k.grup == grup)]
    if tahun is not None and any(k.tahun == tahun for k in calon):
        calon = [k for k in calon if k.tahun == tahun]
    return max(calon, key=lambda k: k.j) if calon else None


def _n(x: float, d: int = 2) -> str:
    return fmt.angka(x, d)


# ------------------------------------------------------------------ capaian

def kolom_label(b: Bingkai, jenis: str, peran: tuple[str, ...]) -> int | None:
    for p in peran:
        k = b.kolom_peran(jenis, p)
        if k:
            return k[0].j
    return None


def polaritas_baris(b: Bingkai, i: int, konteks: Konteks, j_kode: int | None, j_label: int | None) -> str | None:
    for j in (j_kode, j_label):
        if j is not None and b.teks(i, j):
            p = konteks.polaritas.get(kunci_nama(b.teks(i, j)))
            if p:
                return p
    return None


def cek_capaian(b: Bingkai, konteks: Konteks) -> list[Temuan]:
    kolom = b.kolom["capaian"]
    j_label = kolom_label(b, "capaian", ("indikator",))
    j_kode = kolom_label(b, "capaian", ("kode",))
    out: list[Temuan] = []
    sebelumnya = -1
    for kc in sorted((k for k in kolom if k.peran in ("capaian", "capaian_renstra")), key=lambda k: k.j):
        kt = _kiri(kolom, "target_renstra" if kc.peran == "capaian_renstra" else "target", kc.j, sebelumnya, kc.tahun,
                   kc.grup)
        kr = _kiri(kolom, "realisasi", kc.j, sebelumnya, kc.tahun, kc.grup)
        if kc.peran == "capaian":
            sebelumnya = kc.j
        if kt is None or kr is None:
            continue
        dihitung: list[float] = []
        for i in b.data:
            c = b.angka(i, kc.j)
            t, r = b.angka(i, kt.j), b.angka(i, kr.j)
            # the average row (an indicator may itself be named 'Rata-rata Waktu …': it has its figures)
            if t is None and r is None and _baris_rata_rata(b, i):
                if c is not None and dihitung and kc.peran == "capaian":
                    rata = fmean(dihitung)
                    if abs(c.nilai - rata) > toleransi(c):
                        out.append(_temuan(b, i, kc, c, rata, "Rata-rata capaian = rata-rata capaian indikator di atasnya "
                                           f"(dihitung dari target dan realisasinya): {_n(rata)}.", "rata_rata",
                                           b.label_baris(i)))
                dihitung = []
                continue
            if t is None or r is None or t.nilai == 0:
                if c is not None:
                    dihitung.append(c.nilai)
                continue
            pol = polaritas_baris(b, i, konteks, j_kode, j_label)
            hitung = iku_f.capaian(t.nilai, r.nilai, pol or "positif")
            dihitung.append(hitung)
            if c is None or abs(c.nilai - hitung) <= toleransi(c):
                continue
            rumus = ("(2 − realisasi / target) × 100" if pol == "negatif" else "realisasi / target × 100")
            asal = "polaritas negatif di basis data" if pol == "negatif" else (
                "polaritas positif" + (" di basis data" if pol else ", bawaan"))
            dasar = "target akhir Renstra" if kc.peran == "capaian_renstra" else "target"
            out.append(_temuan(b, i, kc, c, hitung, f"Capaian = {rumus.replace('target', dasar)} ({asal}): "
                               f"realisasi {r.teks}, {dasar} {t.teks} → {_n(hitung)}.", "capaian",
                               b.label_baris(i, j_label)))
    return out


def _baris_rata_rata(b: Bingkai, i: int) -> bool:
    return any("ratarata" in kunci(s.teks) for s in b.tabel.baris[i] if s.teks and len(s.teks) < 120)


# ------------------------------------------------------------------ anggaran

@dataclass
class _Baris:
    i: int
    label: str
    kode: str | None
    level: int
    total: bool
    nilai: dict[int, Angka] = field(default_factory=dict)  # grid column -> amount
    anak: list["_Baris"] = field(default_factory=list)

    @property
    def berisi(self) -> bool:
        return bool(self.nilai)


def _teks_total(teks: str) -> bool:
    k = kunci(teks)
    return k.startswith(("jumlah", "total", "subtotal")) or k == "kecamatan"


def _level(nomor: str, label: str) -> int:
    n = nomor.strip()
    if n and _ROMAWI.match(n.replace("ı", "i")):
        return 1
    if kunci(label).startswith("program"):
        return 1
    m = _NOMOR.match(n)
    if m:
        return 3 + m.group(1).count(".")
    return 2  # unnumbered, or lettered (A, b.): a kegiatan under its program


def _baris_anggaran(b: Bingkai, uang: list[int]) -> list[_Baris]:
    j_uraian = kolom_label(b, "anggaran", ("uraian",))
    j_kode = kolom_label(b, "anggaran", ("kode",))
    j_nomor = _kolom_nomor(b, j_uraian)
    terakhir = max((i for i in b.data if any(b.angka(i, j) for j in uang)), default=None)
    out = []
    for i in b.data:
        nilai = {j: a for j in uang if (a := b.angka(i, j)) is not None}
        teks = [s.teks for j, s in enumerate(b.tabel.baris[i]) if s.teks and j not in uang and baca(s.teks) is None]
        label = b.teks(i, j_uraian) if j_uraian is not None else (teks[0] if teks else "")
        total = any(_teks_total(t) for t in teks) or (nilai and not teks and i == terakhir)
        kode = b.teks(i, j_kode).strip() if j_kode is not None else ""
        kode = kode if _KODE.match(kode) else None
        nomor = b.teks(i, j_nomor) if j_nomor is not None else ""
        if not nomor and label:
            m = _AWAL_NOMOR.match(label)
            nomor = m.group(0).strip().rstrip(".)") if m else ""
        label = label or (teks[0] if teks else "") or ("Jumlah (baris tanpa label)" if total else "")
        out.append(_Baris(i, label, kode, _level(nomor, label), bool(total), nilai))
    return out


def _kolom_nomor(b: Bingkai, j_uraian: int | None) -> int | None:
    """The column left of the names that numbers the rows (I, II, 1, 2, 1.1 …)."""
    if j_uraian is None:
        return None
    for j in range(j_uraian - 1, -1, -1):
        isi = [b.teks(i, j).strip() for i in b.data if b.teks(i, j).strip() and not b.tabel.baris[i][j].lanjut]
        if isi and sum(1 for t in isi if len(t) <= 6 and (_NOMOR.match(t) or _ROMAWI.match(t.replace("ı", "i"))))\
                >= 0.6 * len(isi):
            return j
    return None


def _susun_pohon(baris: list[_Baris]) -> list[list[_Baris]]:
    """The rows as a forest per section (a total row closes a section): by code prefix when the rows have
    codes (kode rekening, 7.01.01…), else by numbering and wording (PROGRAM › kegiatan › 1, 2 …)."""
    bagian: list[list[_Baris]] = [[]]
    for r in baris:
        if r.total:
            bagian.append([])
        else:
            bagian[-1].append(r)
    berkode = [r for r in baris if r.kode and not r.total]
    pakai_kode = len(berkode) >= max(2, 0.5 * sum(1 for r in baris if r.berisi and not r.total))
    if pakai_kode:
        semua = {r.kode: r for r in berkode}
        induk_dari = {}
        akar = []
        for r in berkode:
            p = ang.induk(r.kode, set(semua))
            induk_dari[id(r)] = semua.get(p)
            (semua[p].anak if p else akar).append(r)
        hutan = []
        for s in bagian:
            di_sini = {id(r) for r in s}
            hutan.append([r for r in s if r.kode and id(induk_dari.get(id(r))) not in di_sini])
        return hutan + [akar]
    hutan = []
    for s in bagian:
        akar, tumpuk = [], []
        for r in s:
            while tumpuk and tumpuk[-1].level >= r.level:
                tumpuk.pop()
            (tumpuk[-1].anak if tumpuk else akar).append(r)
            tumpuk.append(r)
        hutan.append(akar)
    return hutan + [[r for s in hutan for r in s]]


def _efektif(rows: list[_Baris]) -> list[_Baris]:
    """The rows that carry the amounts: a row without figures stands for its children."""
    out = []
    for r in rows:
        if r.berisi:
            out.append(r)
        else:
            out.extend(_efektif(r.anak))
    return out


def cek_anggaran(b: Bingkai, konteks: Konteks) -> list[Temuan]:
    kolom = b.kolom["anggaran"]
    uang = sorted(k.j for k in kolom if k.peran in ("pagu", "realisasi", "sisa"))
    per_j = {k.j: k for k in kolom}
    baris = _baris_anggaran(b, uang)
    hutan = _susun_pohon(baris)
    salah: set[tuple[int, int]] = set()
    out: list[Temuan] = []

    def cek_jumlah(r: _Baris, rincian: list[_Baris], sebutan: str) -> None:
        for j in uang:
            a = r.nilai.get(j)
            bagian = [x.nilai.get(j) for x in rincian]
            if a is None or not rincian or all(v is None for v in bagian):
                continue
            jumlah = float(sum(Decimal(repr(v.nilai)) for v in bagian if v is not None))
            tol = a.presisi + sum(v.presisi for v in bagian if v is not None) + EPS
            if abs(a.nilai - jumlah) > tol:
                salah.add((r.i, j))
                out.append(_temuan(b, r.i, per_j[j], a, jumlah, f"{sebutan} = {_n(jumlah)} "
                                   f"(jumlah {len(rincian)} baris).", "jumlah", _pendek(r.label), 2))

    # parents against their children
    def telusuri(rows: list[_Baris]) -> None:
        for r in rows:
            if r.berisi and r.anak:
                cek_jumlah(r, _efektif(r.anak), "Jumlah rinciannya")
            telusuri(r.anak)

    telusuri(hutan[-1])
    # total rows against their section (or against the row they name: JUMLAH BELANJA OPERASI)
    nama = {kunci(r.label): r for r in baris if not r.total and r.label}
    seksi = hutan[:-1]
    k = 0
    for r in baris:
        if not r.total:
            continue
        k += 1
        sisa_nama = re.sub(r"^(subtotal|jumlah|total)", "", kunci(r.label))
        if sisa_nama in nama and sisa_nama:
            acuan = nama[sisa_nama]
            for j in uang:
                a, e = r.nilai.get(j), acuan.nilai.get(j)
                if a is not None and e is not None and abs(a.nilai - e.nilai) > a.presisi + e.presisi + EPS:
                    salah.add((r.i, j))
                    out.append(_temuan(b, r.i, per_j[j], a, e.nilai, f"Sama dengan baris '{_pendek(acuan.label, 50)}'"
                                       f": {e.teks}.", "jumlah", _pendek(r.label), 2))
            continue
        rincian = _efektif(seksi[k - 1]) or (_efektif(seksi[k]) if k < len(seksi) else []) or \
            _efektif(hutan[-1])
        cek_jumlah(r, rincian, "Jumlah baris rinciannya")

    # percentages and sisa of every row
    for kp in (k for k in kolom if k.peran in ("persen", "sisa")):
        kpg = _kiri(kolom, "pagu", kp.j, tahun=kp.tahun, grup=kp.grup)
        if kpg is None:
            continue
        kr = _kiri(kolom, "realisasi", kp.j, kpg.j, kp.tahun, kp.grup)
        if kr is None:
            continue
        for r in baris:
            p, g, x = b.angka(r.i, kp.j), r.nilai.get(kpg.j), r.nilai.get(kr.j)
            if p is None or g is None or x is None or (r.i, kpg.j) in salah or (r.i, kr.j) in salah:
                continue
            if kp.peran == "persen":
                hitung = ang.serapan(x.nilai, g.nilai)
                if hitung is None or abs(p.nilai - hitung) <= toleransi(p):
                    continue
                out.append(_temuan(b, r.i, kp, p, hitung, f"Persentase = realisasi / pagu × 100 = {x.teks} / {g.teks} "
                                   f"× 100 = {_n(hitung)}.", "persen", _pendek(r.label)))
            else:
                hitung = g.nilai - x.nilai
                if abs(p.nilai - hitung) <= p.presisi + g.presisi + x.presisi + EPS:
                    continue
                out.append(_temuan(b, r.i, kp, p, hitung, f"Sisa = pagu − realisasi = {g.teks} − {x.teks} = "
                                   f"{_n(hitung)}.", "sisa", _pendek(r.label), 2))
    return out


def _pendek(teks: str, n: int = 70) -> str:
    teks = " ".join(str(teks).split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


# ------------------------------------------------------------------ SKM

def baris_skm(b: Bingkai) -> tuple[int | None, dict[int, str]]:
    """The label column and, per data row, what it holds: U1..U9, 'IKM' or 'komposit'."""
    calon = [k.j for k in b.kolom_peran("skm", "unsur")] + list(range(b.tabel.lebar))
    terbaik, peta = None, {}
    for j in calon:
        p = {}
        for i in b.data:
            t = b.teks(i, j)
            if not t:
                continue
            u = baca_unsur(t, _DAFTAR_UNSUR)
            if u == "IKM":
                p[i] = "IKM"
            elif adalah_komposit(t):
                p[i] = "komposit"
            elif u:
                p[i] = u
        if terbaik is None or sum(1 for v in p.values() if v.startswith("U")) > \
                sum(1 for v in peta.values() if v.startswith("U")):
            terbaik, peta = j, p
    return terbaik, peta


def cek_skm(b: Bingkai, konteks: Konteks) -> list[Temuan]:
    j_label, peta = baris_skm(b)
    out: list[Temuan] = []
    for k in b.kolom_peran("skm", "nrr"):
        unsur = {peta[i]: (i, a) for i in b.data if peta.get(i, "").startswith("U")
                 and (a := b.angka(i, k.j)) is not None}
        for u, (i, a) in unsur.items():
            if not 1 <= a.nilai <= 4:
                out.append(_temuan(b, i, k, a, None, "NRR satu unsur adalah rata-rata jawaban 1–4, jadi harus di "
                                   "antara 1 dan 4 (PermenPANRB 14/2017).", "nrr_rentang", b.label_baris(i, j_label)))
        lengkap = len(unsur) == 9
        rata = fmean(a.nilai for _, a in unsur.values()) if lengkap else None
        # NRR columns drop trailing zeros ('3,6' beside '3,613', '4' for 4,000): their precision is the finest
        p_unsur = min((a.presisi for _, a in unsur.values()), default=0.0)
        komposit_nrr = None
        ikm_baris = []
        for i in b.data:
            jenis = peta.get(i)
            a = b.angka(i, k.j)
            if a is None or jenis not in ("komposit", "IKM"):
                continue
            if jenis == "komposit" and a.nilai <= 5:
                komposit_nrr = a
                if rata is not None and abs(a.nilai - rata) > a.presisi + p_unsur + EPS:
                    out.append(_temuan(b, i, k, a, rata, "NRR gabungan = rata-rata NRR kesembilan unsur di atasnya: "
                                       f"{fmt.angka(rata, max(a.desimal, 3))}.", "nrr_rata",
                                       b.label_baris(i, j_label), max(a.desimal, 3)))
            else:
                ikm_baris.append((i, a))
        for i, a in ikm_baris:
            if komposit_nrr is not None:
                hitung = komposit_nrr.nilai * 25
                tol = a.presisi + 25 * komposit_nrr.presisi + 0.002 * hitung + EPS
                dasar = f"NRR gabungan × 25 = {komposit_nrr.teks} × 25"
            elif lengkap:
                hitung = skm_f.ikm([unsur[f"U{n}"][1].nilai for n in range(1, 10)], konteks.bobot_ikm)
                tol = max(skm_f.BATAS_SELISIH_IKM, a.presisi + 25 * p_unsur) + EPS
                dasar = (f"rata-rata NRR kesembilan unsur × 25 (bobot {konteks.bobot_ikm}); IKM tercetak dihitung "
                         f"dari jawaban yang tidak dibulatkan, jadi selisih sampai {fmt.angka(tol, 2)} masih wajar")
            else:
                continue
            if abs(a.nilai - hitung) > tol:
                out.append(_temuan(b, i, k, a, hitung, f"IKM = {dasar}: {_n(hitung)}.", "ikm",
                                   b.label_baris(i, j_label)))
    return out


# ------------------------------------------------------------------ efisiensi

def cek_efisiensi(b: Bingkai, konteks: Konteks) -> list[Temuan]:
    kolom = b.kolom["efisiensi"]
    out: list[Temuan] = []
    for ke in (k for k in kolom if k.peran == "efisiensi"):
        kc, ks = _kiri(kolom, "capaian", ke.j, grup=ke.grup), _kiri(kolom, "serapan", ke.j, grup=ke.grup)
        if kc is None or ks is None:
            continue
        for i in b.data:
            e, c, s = b.angka(i, ke.j), b.angka(i, kc.j), b.angka(i, ks.j)
            if e is None or c is None or s is None:
                continue
            semua = efisiensi_f.semua(c.nilai, s.nilai)
            if any(v is not None and abs(e.nilai - v) <= toleransi(e) for v in semua.values()):
                continue
            metode = konteks.efisiensi_metode
            hitung = semua.get(metode)
            if hitung is None:
                continue
            cara = "; ".join(f"{efisiensi_f.METODE[m].split(':')[0]} {_n(v)}" for m, v in semua.items() if v is not None)
            out.append(_temuan(b, i, ke, e, hitung, f"Efisiensi dari capaian {c.teks} dan serapan {s.teks} tidak "
                               f"cocok dengan rumus mana pun ({cara}).", "efisiensi", b.label_baris(i)))
    return out


CEK = {"capaian": cek_capaian, "anggaran": cek_anggaran, "skm": cek_skm, "efisiensi": cek_efisiensi}
