"""Small hand-made `Periode` objects for unit tests of the page builders (no database)."""

from __future__ import annotations

from dashboard import pengaturan
from dashboard.data import DesaBaris, IndikatorData, Periode, RealisasiTw, TargetVersi
from dashboard.skala import PRESETS

DIMENSI_2024 = ("layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas", "tata_kelola")


def setelan(**ubah) -> pengaturan.Setelan:
    return pengaturan._parse({**pengaturan.DEFAULTS, **ubah})


def indikator(kode: str, nama: str, *, satuan: str = "%", jenis: str = "iku", polaritas: str = "positif",
              agregasi: str = "terakhir", hitung: str | None = None, target: dict | None = None,
              realisasi: dict | None = None, urutan: int = 0) -> IndikatorData:
    """`target`: {tahun: [(versi, target, {tw: target_tw}, target_renstra), ...]}, oldest first;
    `realisasi`: {tahun: {tw: nilai or RealisasiTw}}."""
    ind = IndikatorData(id=hash(kode) % 10_000, kode=kode, nama=nama, sasaran="Sasaran uji", satuan=satuan,
                        jenis=jenis, polaritas=polaritas, agregasi=agregasi, hitung=hitung, nol_per_nol=None,
                        urutan=urutan)
    for tahun, versi in (target or {}).items():
        ind.target_versi[tahun] = [
            TargetVersi(tahun=tahun, versi=v, urutan_versi=i, target=t,
                        target_tw={tw: (tws or {}).get(tw) for tw in (1, 2, 3, 4)}, target_renstra=r, import_id=None)
            for i, (v, t, tws, r) in enumerate(versi)]
    for tahun, per_tw in (realisasi or {}).items():
        ind.realisasi[tahun] = {tw: v if isinstance(v, RealisasiTw) else RealisasiTw(v) for tw, v in per_tw.items()}
    return ind


def desa(nama: str, status: dict[int, tuple], *, jenis: str = "desa", definitif: bool = True,
         nomor: int = 0, skema: str | None = None) -> DesaBaris:
    """`status`: {tahun: (status, skor, (six dimension scores) or None)}; `skema` as a file names it (None: the
    kecamatan's setting)."""
    d = DesaBaris(id=nomor, nama=nama, kode=None, jenis=jenis, definitif=definitif)
    for tahun, (st, skor, dims) in status.items():
        d.status[tahun] = {"skema": skema, "skor": skor, "status": st,
                           **dict(zip(DIMENSI_2024, dims or (None,) * 6))}
    return d


def periode(kecamatan: str, tahun: int, *, indikator_list=(), desa_list=(), **setelan_ubah) -> Periode:
    return Periode(kecamatan_id=1, kecamatan=kecamatan, kabupaten="Tanah Laut", sintetis=False, tahun=tahun,
                   setelan=setelan(**setelan_ubah), skala=dict(PRESETS), indikator=list(indikator_list),
                   anggaran=[], skm={}, desa=list(desa_list))


# ---------------------------------------------------------------- the reports' figures

def bajuin_2025() -> Periode:
    iku1 = indikator("IKU-1", "Persentase Desa Mandiri di Kecamatan", hitung="rasio_desa_mandiri", urutan=1,
                     target={2025: [("PK Januari 2025", 75, None, 100), ("PK Murni", 65, None, 100),
                                    ("PK Perubahan", 55.55, None, 100)]},
                     realisasi={2022: {4: 0.0}, 2023: {4: 11.11}, 2024: {4: 55.55},
                                2025: {4: RealisasiTw(77.77, "7 dari 9 desa", "Pembinaan BUMDes", None, None)}})
    iku2 = indikator("IKU-2", "Indeks Kepuasan Masyarakat di Kecamatan", satuan="Nilai", agregasi="rata_rata",
                     hitung="ikm", urutan=2,
                     target={2025: [("PK Murni", 89, None, 89.5), ("PK Perubahan", 87.5, None, 89.5)]},
                     realisasi={2022: {4: 88.63}, 2023: {4: 88.56}, 2024: {4: 87.17},
                                2025: {1: 86.86, 2: 87.0, 3: 87.51, 4: 87.68}})
    dims = {
        "Bajuin": (88.98, "Mandiri", (134, 79, 149, 84, 48, 71)),
        "Sungai Bakar": (85.35, "Mandiri", (153, 50, 146, 86, 42, 65)),
        "Ketapang": (88.5, "Mandiri", (154, 77, 139, 80, 41, 71)),
        "Tirta Jaya": (82.68, "Mandiri", (155, 53, 131, 72, 47, 67)),
        "Galam": (82.36, "Mandiri", (126, 69, 142, 86, 41, 59)),
        "Kunyit": (84.09, "Mandiri", (134, 78, 140, 76, 42, 64)),
        "Tebing Siring": (83.46, "Mandiri", (153, 79, 122, 70, 43, 63)),
        "Pemalongan": (71.18, "Maju", (106, 69, 120, 50, 39, 68)),
        "Tanjung": (72.6, "Maju", (139, 73, 115, 46, 38, 50)),
    }
    desa_list = [desa(n, {2025: (st, sk, dm)}, nomor=i) for i, (n, (sk, st, dm)) in enumerate(dims.items())]
    return periode("Bajuin", 2025, indikator_list=[iku1, iku2], desa_list=desa_list)


BATI_BATI_DESA = (
    ("Benua Raya", "Maju", "Mandiri"), ("Bati-Bati", "Maju", "Maju"), ("Padang", "Mandiri", "Mandiri"),
    ("Ujung", "Maju", "Mandiri"), ("Ujung Baru", "Maju", "Mandiri"), ("Nusa Indah", "Maju", "Maju"),
    ("Kait-Kait", "Maju", "Mandiri"), ("Kait-Kait Baru", "Mandiri", "Mandiri"), ("Bentok Darat", "Maju", "Mandiri"),
    ("Banyu Irang", "Maju", "Maju"), ("Bentok Kampung", "Maju", "Mandiri"), ("Sambangan", "Maju", "Maju"),
    ("Liang Anggang", "Maju", "Mandiri"), ("Pandahan", "Maju", "Maju"),
)


def bati_bati_2024() -> Periode:
    rdm = indikator("IKU-1", "Rasio Desa Mandiri Terhadap jumlah desa yang ada di kecamatan", satuan="Rasio",
                    hitung="rasio_desa_mandiri", target={2024: [("PK", 0.07, None, 0.21)]},
                    realisasi={2023: {4: 0.07}, 2024: {4: 0.64}})
    desa_list = [desa(n, {2023: (a, None, None), 2024: (b, None, None)}, nomor=i)
                 for i, (n, a, b) in enumerate(BATI_BATI_DESA)]
    return periode("Bati-Bati", 2024, indikator_list=[rdm], desa_list=desa_list, skema_desa="idm_2016")
