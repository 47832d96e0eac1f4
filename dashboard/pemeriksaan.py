"""Data-quality checks (domain §4) on a period's data. Warnings never block; they point at the source.

Besides the checks of domain §4, two implausible-value checks on the IKU: a capaian above
BATAS_CAPAIAN_WAJAR % (reports do print 140 % and 900 %, but a figure that high is more often a target
or realisasi in the wrong unit, e.g. a ratio against a percentage), and a year's target more than
FAKTOR_TARGET_WAJAR times, or less than 1/FAKTOR_TARGET_WAJAR of, the previous year's target (both
positive; a target that was 0 cannot be compared this way).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from dashboard import anggaran as ang
from dashboard import desa as desa_f
from dashboard import format as fmt
from dashboard import skm as skm_f
from dashboard.data import Periode

BATAS_CAPAIAN_WAJAR = 200.0  # %
FAKTOR_TARGET_WAJAR = 3.0

# Warning kinds that come from a file (not from the stored data) are kept with their import.
JENIS_BERKAS = {"persen_tidak_sesuai", "total_tidak_sesuai", "jumlah_desa_berubah", "responden_tidak_sesuai",
                "capaian_tidak_sesuai", "total_desa_tidak_sesuai"}
HALAMAN = {
    "anggaran_anak_tidak_sama": "Anggaran", "realisasi_melebihi_pagu": "Anggaran", "kumulatif_menurun": "Anggaran",
    "persen_tidak_sesuai": "Anggaran", "total_tidak_sesuai": "Anggaran", "ikm_tercetak_berbeda": "SKM",
    "responden_tidak_sesuai": "SKM", "status_desa_tidak_sesuai_skor": "Desa", "jumlah_desa_berubah": "Desa",
    "skema_desa_berbeda": "Desa", "status_desa_dari_skor": "Desa", "capaian_tidak_sesuai": "IKU",
    "total_desa_tidak_sesuai": "Desa",
    "target_berganda": "IKU", "realisasi_iku_berbeda_hitungan": "IKU", "tahunan_tidak_sesuai_triwulan": "IKU",
    "capaian_tidak_wajar": "IKU", "target_jauh_dari_tahun_lalu": "IKU",
}
# What a warning kind is, in words (tables and exports show these, never the code)
NAMA_JENIS = {
    "anggaran_anak_tidak_sama": "Jumlah rincian anggaran tidak sama",
    "realisasi_melebihi_pagu": "Realisasi melebihi pagu",
    "kumulatif_menurun": "Realisasi kumulatif menurun",
    "persen_tidak_sesuai": "Persentase tercetak tidak sesuai",
    "total_tidak_sesuai": "Baris jumlah tidak sesuai",
    "ikm_tercetak_berbeda": "IKM tercetak berbeda",
    "responden_tidak_sesuai": "Jumlah responden tidak sesuai",
    "status_desa_tidak_sesuai_skor": "Status desa tidak sesuai skor",
    "jumlah_desa_berubah": "Jumlah desa berubah",
    "target_berganda": "Target berbeda antarversi",
    "realisasi_iku_berbeda_hitungan": "Realisasi IKU berbeda dari hitungan",
    "tahunan_tidak_sesuai_triwulan": "Angka tahunan tidak sesuai triwulan",
    "capaian_tidak_wajar": "Capaian tidak wajar",
    "target_jauh_dari_tahun_lalu": "Target jauh dari tahun lalu",
}


def nama_jenis(jenis: str | None) -> str:
    """A warning kind in words; an unknown code as readable words (`jenis_baru` -> "Jenis baru")."""
    if not jenis:
        return ""
    return NAMA_JENIS.get(jenis) or jenis.replace("_", " ").capitalize()


@dataclass
class Peringatan:
    jenis: str
    pesan: str
    lokasi: str
    diharapkan: str | None = None
    ditemukan: str | None = None
    triwulan: int | None = None
    sumber: str | None = None  # "halaman:Anggaran" or "impor:12"

    def json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


def periksa(p: Periode, triwulan: int) -> list[Peringatan]:
    """Every open warning of the period s.d. the triwulan, computed checks first, then the files'."""
    out: list[Peringatan] = []
    out += _anggaran(p, triwulan)
    out += _skm(p, triwulan)
    out += _desa(p)
    out += _iku(p, triwulan)
    for w in p.peringatan_impor:
        if w.get("jenis") not in JENIS_BERKAS:
            continue
        if w.get("triwulan") and w["triwulan"] > triwulan:
            continue
        out.append(Peringatan(w["jenis"], w["pesan"], w.get("lokasi", w.get("nama_file", "")), w.get("diharapkan"),
                              w.get("ditemukan"), w.get("triwulan"), f"impor:{w['import_id']}"))
    for w in out:
        if w.sumber is None:
            w.sumber = f"halaman:{HALAMAN.get(w.jenis, 'Ringkasan')}"
    return out


def _anggaran(p: Periode, triwulan: int) -> list[Peringatan]:
    out = []
    for jenis in ("program", "rekening"):
        lines = [b for b in p.anggaran if ang.pohon_dari_kode(b.kode) == jenis]
        if not lines:
            continue
        for s in ang.ratakan(ang.bangun_pohon(lines)):
            cetak = s.tercetak
            if s.anak and cetak is not None:
                if cetak.pagu is not None and cetak.pagu != s.pagu:
                    out.append(Peringatan(
                        "anggaran_anak_tidak_sama",
                        f"Pagu {s.kode} tidak sama dengan jumlah rinciannya.", f"kode {s.kode}",
                        fmt.rupiah(s.pagu / 100), fmt.rupiah(cetak.pagu / 100)))
                if cetak.realisasi_tw:
                    tercetak = sum(v for tw, v in cetak.realisasi_tw.items() if tw <= triwulan)
                    if tercetak != s.realisasi_sd(triwulan):
                        out.append(Peringatan(
                            "anggaran_anak_tidak_sama",
                            f"Realisasi {s.kode} s.d. {fmt.triwulan(triwulan)} tidak sama dengan jumlah rinciannya.",
                            f"kode {s.kode}", fmt.rupiah(s.realisasi_sd(triwulan) / 100), fmt.rupiah(tercetak / 100),
                            triwulan))
            if not s.anak:
                r = s.realisasi_sd(triwulan)
                if s.pagu is not None and r > s.pagu:
                    out.append(Peringatan(
                        "realisasi_melebihi_pagu", f"Realisasi {s.kode} s.d. {fmt.triwulan(triwulan)} melebihi pagunya.",
                        f"kode {s.kode}", f"paling banyak {fmt.rupiah(s.pagu / 100)}", fmt.rupiah(r / 100), triwulan))
                for tw, v in sorted(s.realisasi_tw.items()):
                    if tw <= triwulan and v < 0:
                        out.append(Peringatan(
                            "kumulatif_menurun",
                            f"Realisasi kumulatif {s.kode} turun pada {fmt.triwulan(tw)}.", f"kode {s.kode}",
                            "tidak turun dari triwulan sebelumnya", f"turun {fmt.rupiah(-v / 100)}", tw))
    return out


def _skm(p: Periode, triwulan: int) -> list[Peringatan]:
    from dashboard.ringkasan import skm_triwulan

    out = []
    for tw in range(1, triwulan + 1):
        d = skm_triwulan(p, tw)
        if d is None or d.sumber != "rekap_ikm" or d.ikm_dihitung is None:
            continue
        if abs(d.ikm - d.ikm_dihitung) > skm_f.BATAS_SELISIH_IKM:
            out.append(Peringatan(
                "ikm_tercetak_berbeda",
                f"IKM {fmt.triwulan(tw)} yang tercetak berbeda lebih dari {fmt.angka(skm_f.BATAS_SELISIH_IKM)} "
                f"dari IKM yang dihitung ulang dari NRR per unsur (angka tercetak tetap dipakai).",
                f"SKM {fmt.triwulan(tw)}", fmt.angka(d.ikm_dihitung), fmt.angka(d.ikm), tw))
    return out


def _desa(p: Periode) -> list[Peringatan]:
    from dashboard.ringkasan import ambang_desa, desa_data, skema_desa

    out = []
    for d in p.desa:
        s = d.status.get(p.tahun)
        if not s or s.get("skor") is None or not s.get("status"):
            continue
        skema = s.get("skema") if s.get("skema") in desa_f.SKEMA else p.setelan.skema_desa
        harus = desa_f.klasifikasi(s["skor"], skema, ambang_desa(p, skema))
        if harus and harus != s["status"]:
            out.append(Peringatan(
                "status_desa_tidak_sesuai_skor",
                f"Status {d.nama} ({s['status']}) tidak sesuai dengan skornya {fmt.angka(s['skor'], 4 if skema == 'idm_2016' else 2)}.",
                f"desa {d.nama}", harus, s["status"]))
    skema = skema_desa(p)
    if skema != p.setelan.skema_desa and any(p.tahun in d.status for d in p.desa):
        out.append(Peringatan(
            "skema_desa_berbeda",
            f"Status desa {p.tahun} memakai skema {desa_f.SKEMA[skema][0]} (disebut di berkas), sedangkan pengaturan "
            f"kecamatan memakai {desa_f.SKEMA[p.setelan.skema_desa][0]}. Status, skor dan ambang ditampilkan menurut "
            "skema data; ubah pengaturan skema_desa bila skema data memang yang berlaku.",
            f"desa {p.tahun}", desa_f.SKEMA[p.setelan.skema_desa][0], desa_f.SKEMA[skema][0]))
    dari_skor = [d.nama for d in desa_data(p) if d.dari_skor]
    if dari_skor:
        nama = ", ".join(dari_skor[:5]) + (f" dan {len(dari_skor) - 5} lainnya" if len(dari_skor) > 5 else "")
        out.append(Peringatan(
            "status_desa_dari_skor",
            f"{len(dari_skor)} desa punya skor {p.tahun} tetapi tanpa status di berkas; statusnya ditentukan dari skor "
            f"menurut skema {desa_f.SKEMA[skema][0]} dan ambang yang berlaku (ditandai 'dari skor').",
            f"desa {nama}", "status dari berkas", "status dari skor"))
    return out


def _iku(p: Periode, triwulan: int) -> list[Peringatan]:
    from dashboard.ringkasan import adalah_rasio, hitung_desa, hitung_skm, indikator_tahun, iku_baris

    out = []
    for ind in indikator_tahun(p):
        out += _iku_wajar(p, ind, triwulan)
        versi = ind.target_versi.get(p.tahun, [])
        if len({v.target for v in versi if v.target is not None}) > 1:
            riwayat = "; ".join(f"{v.versi or 'tanpa versi'}: {fmt.angka(v.target)}" for v in versi)
            out.append(Peringatan(
                "target_berganda",
                f"Target {ind.kode} {p.tahun} berbeda antarversi; dipakai versi terakhir ({versi[-1].versi or 'tanpa versi'}).",
                f"indikator {ind.kode}", fmt.angka(versi[-1].target), riwayat))
        if not ind.hitung:
            continue
        b = iku_baris(p, ind, triwulan)
        if b.realisasi is None:
            continue
        if ind.hitung == "ikm":
            dihitung = hitung_skm(p, triwulan)["ikm"]
        elif ind.hitung == "rasio_desa_mandiri":
            dihitung = hitung_desa(p)["rasio"]
            if dihitung is not None and adalah_rasio(ind.satuan):
                dihitung = dihitung / 100
        else:
            continue
        if dihitung is None:
            continue
        # The printed figures' last digit is their precision (of the TW figures, not of their mean);
        # reports truncate as often as they round.
        tercetak = [v for tw, v in b.nilai_tw.items() if tw <= triwulan and v is not None]
        desimal = max(_desimal(v) for v in tercetak)
        if abs(dihitung - b.realisasi) > 10 ** -desimal + 1e-9:
            # shown with the printed precision (2 decimals at least), 3 where 2 hide the gap: never more on screen
            tampil = next(d for d in (min(max(2, desimal), 3), 3)
                          if d == 3 or fmt.angka(dihitung, d) != fmt.angka(b.realisasi, d))
            out.append(Peringatan(
                "realisasi_iku_berbeda_hitungan",
                f"Realisasi {ind.kode} s.d. {fmt.triwulan(triwulan)} berbeda dari angka yang dihitung aplikasi "
                f"dari data {'SKM' if ind.hitung == 'ikm' else 'status desa'}.",
                f"indikator {ind.kode}", fmt.angka(dihitung, tampil), fmt.angka(b.realisasi, tampil), triwulan))
    return out


def _iku_wajar(p: Periode, ind, triwulan: int) -> list[Peringatan]:
    """Implausible values of one indicator: a capaian above BATAS_CAPAIAN_WAJAR, a target far from last year's."""
    from dashboard.ringkasan import iku_baris

    out = []
    b = iku_baris(p, ind, triwulan)
    if b.capaian is not None and b.capaian > BATAS_CAPAIAN_WAJAR:
        out.append(Peringatan(
            "capaian_tidak_wajar",
            f"Capaian {ind.kode} s.d. {fmt.triwulan(triwulan)} di atas {fmt.persen(BATAS_CAPAIAN_WAJAR, 0)}: periksa "
            f"target dan realisasinya (satuan yang berbeda, salah ketik).", f"indikator {ind.kode}",
            f"paling tinggi {fmt.persen(BATAS_CAPAIAN_WAJAR, 0)}", fmt.persen(b.capaian), triwulan))
    kini, lalu = ind.target_berlaku(p.tahun), ind.target_berlaku(p.tahun - 1)
    if kini and lalu and kini.target is not None and lalu.target is not None and kini.target > 0 and lalu.target > 0:
        rasio = kini.target / lalu.target
        if rasio > FAKTOR_TARGET_WAJAR or rasio < 1 / FAKTOR_TARGET_WAJAR:
            arah = (f"lebih dari {fmt.angka_ringkas(FAKTOR_TARGET_WAJAR)} kali" if rasio > 1
                    else f"kurang dari 1/{fmt.angka_ringkas(FAKTOR_TARGET_WAJAR)}")
            s = ind.satuan
            out.append(Peringatan(
                "target_jauh_dari_tahun_lalu",
                f"Target {ind.kode} {p.tahun} {arah} target {p.tahun - 1} "
                f"({fmt.nilai(lalu.target, s)}): periksa satuan dan angkanya.", f"indikator {ind.kode}",
                f"antara {fmt.nilai(lalu.target / FAKTOR_TARGET_WAJAR, s)} dan "
                f"{fmt.nilai(lalu.target * FAKTOR_TARGET_WAJAR, s)}", fmt.nilai(kini.target, s)))
    return out


def _desimal(x: float) -> int:
    """Decimals of a printed figure (at most 4): 87.26 -> 2, 0.64 -> 2, 120 -> 0."""
    teks = f"{x:.4f}".rstrip("0").rstrip(".")
    return len(teks.split(".")[1]) if "." in teks else 0
