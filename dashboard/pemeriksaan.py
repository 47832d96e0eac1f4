"""Data-quality checks (domain §4) on a period's data. Warnings never block; they point at the source."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from dashboard import anggaran as ang
from dashboard import desa as desa_f
from dashboard import format as fmt
from dashboard import skm as skm_f
from dashboard.data import Periode

# Warning kinds that come from a file (not from the stored data) are kept with their import.
JENIS_BERKAS = {"persen_tidak_sesuai", "total_tidak_sesuai", "jumlah_desa_berubah", "responden_tidak_sesuai"}
HALAMAN = {
    "anggaran_anak_tidak_sama": "Anggaran", "realisasi_melebihi_pagu": "Anggaran", "kumulatif_menurun": "Anggaran",
    "persen_tidak_sesuai": "Anggaran", "total_tidak_sesuai": "Anggaran", "ikm_tercetak_berbeda": "SKM",
    "responden_tidak_sesuai": "SKM", "status_desa_tidak_sesuai_skor": "Desa", "jumlah_desa_berubah": "Desa",
    "target_berganda": "IKU", "realisasi_iku_berbeda_hitungan": "IKU", "tahunan_tidak_sesuai_triwulan": "IKU",
}


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
    out = []
    for d in p.desa:
        s = d.status.get(p.tahun)
        if not s or s.get("skor") is None or not s.get("status"):
            continue
        skema = s.get("skema") or p.setelan.skema_desa
        ambang = [tuple(a) for a in p.setelan.ambang_desa] if skema == p.setelan.skema_desa else None
        harus = desa_f.klasifikasi(s["skor"], skema, ambang)
        if harus and harus != s["status"]:
            out.append(Peringatan(
                "status_desa_tidak_sesuai_skor",
                f"Status {d.nama} ({s['status']}) tidak sesuai dengan skornya {fmt.angka(s['skor'], 4 if skema == 'idm_2016' else 2)}.",
                f"desa {d.nama}", harus, s["status"]))
    return out


def _iku(p: Periode, triwulan: int) -> list[Peringatan]:
    from dashboard.ringkasan import adalah_rasio, hitung_desa, hitung_skm, indikator_tahun, iku_baris

    out = []
    for ind in indikator_tahun(p):
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
        toleransi = 10 ** -max(_desimal(v) for v in tercetak) + 1e-9
        if abs(dihitung - b.realisasi) > toleransi:
            out.append(Peringatan(
                "realisasi_iku_berbeda_hitungan",
                f"Realisasi {ind.kode} s.d. {fmt.triwulan(triwulan)} berbeda dari angka yang dihitung aplikasi "
                f"dari data {'SKM' if ind.hitung == 'ikm' else 'status desa'}.",
                f"indikator {ind.kode}", fmt.angka(dihitung, 3), fmt.angka(b.realisasi, 3), triwulan))
    return out


def _desimal(x: float) -> int:
    """Decimals of a printed figure (at most 4): 87.26 -> 2, 0.64 -> 2, 120 -> 0."""
    teks = f"{x:.4f}".rstrip("0").rstrip(".")
    return len(teks.split(".")[1]) if "." in teks else 0
