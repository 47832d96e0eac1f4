"""A generated kabupaten for the page benchmark: "Kabupaten Uji", 20 kecamatan × 5 years (2021–2025).

Per kecamatan: 10 IKU with PK targets and a realisasi per TW; per year 300 budget lines of the program
tree (6 programs, 24 kegiatan, 270 sub kegiatan, parents carrying the exact sums as SIPD prints them)
with anggaran kas and realisasi per TW; 600 raw SKM responses per TW; 15 desa with an Indeks Desa score,
six dimension scores and the status the score gives. The IKU "Persentase Desa Mandiri" and "IKM" carry
the figures the app computes from the desa and SKM data, so the data-quality checks stay quiet.

Deterministic for a seed. Written with bulk Core inserts (executemany) and explicit ids: this is set-up,
not what is measured. Every kecamatan is marked `sintetis`.

    .venv/bin/python tests/benchmarks/kabupaten_besar.py /tmp/uji.db          # a new SQLite file
    .venv/bin/python tests/benchmarks/kabupaten_besar.py --url postgresql://…  # an existing, empty database
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text  # noqa: E402

from dashboard import desa as desa_f  # noqa: E402
from dashboard import skm as skm_f  # noqa: E402
from dashboard.anggaran import PROGRAM_KECAMATAN  # noqa: E402
from models.tables import (Anggaran, AnggaranRealisasi, Desa, DesaStatus, Indikator, Kecamatan,  # noqa: E402
                           Realisasi, SkmResponden, Target)

KABUPATEN = "Uji"  # shown as "Kabupaten Uji"
TAHUN = tuple(range(2021, 2026))
NAMA_KECAMATAN = (
    "Air Tenang", "Banyu Hirang", "Batu Ampar", "Bukit Mas", "Danau Biru", "Gunung Raja", "Karang Indah",
    "Kuala Tambang", "Lembah Hijau", "Muara Baru", "Padang Hijau", "Padang Luas", "Pantai Harapan",
    "Pulau Damar", "Rantau Jaya", "Sei Rangas", "Simpang Tiga", "Sungai Jati", "Tanjung Laut", "Telaga Sari",
)
# (kode, nama, satuan, polaritas, agregasi, hitung, target 2021, yearly step)
IKU = (
    ("IKU-01", "Persentase Desa Mandiri", "%", "positif", "terakhir", "rasio_desa_mandiri", 20.0, 8.0),
    ("IKU-02", "Indeks Kepuasan Masyarakat", "Nilai", "positif", "rata_rata", "ikm", 80.0, 1.5),
    ("IKU-03", "Nilai AKIP Kecamatan", "Nilai", "positif", "terakhir", None, 60.0, 2.5),
    ("IKU-04", "Persentase Desa dengan APBDes Tepat Waktu", "%", "positif", "terakhir", None, 70.0, 5.0),
    ("IKU-05", "Jumlah Dokumen Perencanaan Desa yang Difasilitasi", "Dokumen", "positif", "jumlah", None, 30.0, 2.0),
    ("IKU-06", "Jumlah Pelayanan Administrasi Terpadu", "Layanan", "positif", "jumlah", None, 2400.0, 150.0),
    ("IKU-07", "Persentase Pengaduan Masyarakat yang Ditindaklanjuti", "%", "positif", "terakhir", None, 85.0, 2.5),
    ("IKU-08", "Angka Gangguan Ketenteraman dan Ketertiban", "Kejadian", "negatif", "jumlah", None, 24.0, -2.0),
    ("IKU-09", "Persentase Temuan Pengawasan yang Ditindaklanjuti", "%", "positif", "terakhir", None, 75.0, 4.0),
    ("IKU-10", "Persentase Keterlambatan Laporan Keuangan", "%", "negatif", "terakhir", None, 20.0, -2.5),
)
JUMLAH_DESA = 15
RESPONDEN_PER_TW = 600
LAYANAN = ("KTP-el", "Kartu Keluarga", "Surat Keterangan", "Rekomendasi Izin", "Legalisasi", "UMKM")
DIMENSI = desa_f.SKEMA["indeks_desa_2024"][3]
KEGIATAN_PER_PROGRAM = 4
SUB_PER_KEGIATAN = (11, 11, 12, 11)  # 45 per program, 270 in all: with 6 + 24 parents, 300 lines


def _kas(total: int, bagian: list[float]) -> list[int]:
    """Split an amount in sen over the quarters in proportion; the last quarter takes the rounding."""
    out = [int(total * b) for b in bagian[:-1]]
    return out + [total - sum(out)]


class _Id:
    """Explicit primary keys (so that children can point at parents without a round trip)."""

    def __init__(self, conn, tabel):
        self.n = conn.execute(select(func.coalesce(func.max(tabel.c.id), 0))).scalar_one()

    def __call__(self) -> int:
        self.n += 1
        return self.n


def buat(url: str, seed: int = 2025) -> dict[str, int]:
    """Create the schema if needed and write Kabupaten Uji; returns row counts per table."""
    from dashboard.basisdata import siapkan_basis_data
    from models.db import get_engine, normal_url

    url = normal_url(url)
    siapkan_basis_data(url)
    engine = get_engine(url)
    rng = random.Random(seed)
    rows: dict[str, list[dict]] = {t: [] for t in (
        "kecamatan", "indikator", "target", "realisasi", "anggaran", "anggaran_realisasi", "skm_responden",
        "desa", "desa_status")}
    with engine.begin() as conn:
        if conn.execute(select(Kecamatan.id).where(Kecamatan.kabupaten == KABUPATEN).limit(1)).first():
            raise SystemExit(f"Kabupaten {KABUPATEN} sudah ada di basis data ini; pakai basis data baru.")
        ids = {t: _Id(conn, m.__table__) for t, m in (
            ("kecamatan", Kecamatan), ("indikator", Indikator), ("target", Target), ("realisasi", Realisasi),
            ("anggaran", Anggaran), ("anggaran_realisasi", AnggaranRealisasi), ("skm_responden", SkmResponden),
            ("desa", Desa), ("desa_status", DesaStatus))}
        for k, nama in enumerate(NAMA_KECAMATAN):
            kid = ids["kecamatan"]()
            rows["kecamatan"].append(dict(id=kid, nama=nama, kabupaten=KABUPATEN, sintetis=True))
            mutu = rng.uniform(-1, 1)  # how well this kecamatan does, -1..1
            rasio = _desa(rng, ids, rows, kid, mutu)
            ikm_tw = {}
            for tahun in TAHUN:
                ikm_tw[tahun] = _skm(rng, ids, rows, kid, tahun, mutu)
                _anggaran(rng, ids, rows, kid, tahun, mutu)
            _indikator(rng, ids, rows, kid, mutu, rasio, ikm_tw)
        for tabel, model in (("kecamatan", Kecamatan), ("indikator", Indikator), ("target", Target),
                             ("realisasi", Realisasi), ("anggaran", Anggaran),
                             ("anggaran_realisasi", AnggaranRealisasi), ("skm_responden", SkmResponden),
                             ("desa", Desa), ("desa_status", DesaStatus)):
            data = rows[tabel]
            for i in range(0, len(data), 20000):
                conn.execute(insert(model.__table__), data[i:i + 20000])
        if engine.dialect.name == "postgresql":
            for tabel in rows:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), "
                                  f"(SELECT COALESCE(MAX(id), 1) FROM {tabel}))"))
    return {t: len(v) for t, v in rows.items()}


def _desa(rng, ids, rows, kid, mutu) -> dict[int, float]:
    """15 desa with a score per year that mostly rises; returns the rasio desa mandiri per year."""
    mandiri = {t: 0 for t in TAHUN}
    for d in range(JUMLAH_DESA):
        did = ids["desa"]()
        rows["desa"].append(dict(id=did, kecamatan_id=kid, nama=f"Desa {chr(65 + d)}{kid:02d}",
                                 kode=f"63.99.{kid:02d}.20{d + 1:02d}", jenis="desa", definitif=True))
        dasar = {dim: rng.uniform(62, 84) + 6 * mutu for dim in DIMENSI}
        for i, tahun in enumerate(TAHUN):
            dims = {dim: round(min(99.0, v + i * rng.uniform(0.5, 3.0)), 2) for dim, v in dasar.items()}
            skor = round(sum(dims.values()) / len(dims), 2)
            status = desa_f.klasifikasi(skor, "indeks_desa_2024")
            mandiri[tahun] += status == "Mandiri"
            rows["desa_status"].append(dict(id=ids["desa_status"](), desa_id=did, tahun=tahun,
                                            skema="indeks_desa_2024", skor=skor, status=status, **dims))
    return {t: m / JUMLAH_DESA * 100 for t, m in mandiri.items()}


def _skm(rng, ids, rows, kid, tahun, mutu) -> dict[int, float]:
    """600 responses per TW; returns each TW's IKM (what the IKU reports)."""
    out = {}
    bobot_dasar = [0.03, 0.10, 0.45, 0.42]
    for tw in range(1, 5):
        geser = 0.08 * mutu + 0.01 * (tahun - 2021) + rng.uniform(-0.03, 0.03)
        bobot = [max(0.005, bobot_dasar[0] - geser / 3), max(0.02, bobot_dasar[1] - geser / 2),
                 bobot_dasar[2], bobot_dasar[3] + geser]
        jumlah = {u: 0 for u in skm_f.UNSUR}
        terisi = {u: 0 for u in skm_f.UNSUR}
        for r in range(RESPONDEN_PER_TW):
            skor = rng.choices((1, 2, 3, 4), weights=bobot, k=9)
            if rng.random() < 0.02:
                skor[8] = None  # a blank answer: not counted in that unsur's NRR
            row = dict(id=ids["skm_responden"](), kecamatan_id=kid, tahun=tahun, triwulan=tw,
                       id_responden=f"{kid}-{tahun}-{tw}-{r + 1:04d}", tanggal=f"{tahun}-{3 * tw - 1:02d}-15",
                       layanan=rng.choice(LAYANAN), jenis_kelamin=rng.choice(("L", "P")), umur=rng.randint(18, 70),
                       pendidikan=rng.choice(("SD", "SMP", "SMA", "D3", "S1")),
                       pekerjaan=rng.choice(("PNS", "Swasta", "Wiraswasta", "Petani", "Lainnya")), saran=None)
            for u, s in zip(skm_f.UNSUR, skor):
                row[u.lower()] = s
                if s is not None:
                    jumlah[u] += s
                    terisi[u] += 1
            rows["skm_responden"].append(row)
        out[tw] = skm_f.ikm({u: jumlah[u] / terisi[u] for u in skm_f.UNSUR})
    return out


def _anggaran(rng, ids, rows, kid, tahun, mutu) -> None:
    """300 lines of the program tree; parents carry the exact sums of their children."""
    serapan_tahun = min(0.99, 0.82 + 0.07 * mutu + rng.uniform(-0.04, 0.04))
    kas = [0.15, 0.25, 0.25, 0.35]
    for kode_p, uraian_p in PROGRAM_KECAMATAN.items():
        program = {"pagu": 0, "rencana": [0] * 4, "realisasi": [0] * 4}
        baris_p = len(rows["anggaran"])
        rows["anggaran"].append({})
        for g in range(KEGIATAN_PER_PROGRAM):
            kode_g = f"{kode_p}.2.{g + 1:02d}"
            kegiatan = {"pagu": 0, "rencana": [0] * 4, "realisasi": [0] * 4}
            baris_g = len(rows["anggaran"])
            rows["anggaran"].append({})
            for s in range(SUB_PER_KEGIATAN[g]):
                kode_s = f"{kode_g}.{s + 1:04d}"
                pagu = rng.randrange(5_000_000, 120_000_000) * 100  # whole rupiah, in sen
                rencana = _kas(pagu, kas)
                serapan = min(1.0, max(0.4, serapan_tahun + rng.uniform(-0.12, 0.08)))
                realisasi = _kas(int(pagu * serapan), [b + rng.uniform(-0.05, 0.05) for b in kas[:3]] + [0])
                _baris(ids, rows, kid, tahun, kode_s, f"Sub Kegiatan {kode_s}", pagu, rencana, realisasi)
                for agg in (program, kegiatan):
                    agg["pagu"] += pagu
                    agg["rencana"] = [a + b for a, b in zip(agg["rencana"], rencana)]
                    agg["realisasi"] = [a + b for a, b in zip(agg["realisasi"], realisasi)]
            _baris(ids, rows, kid, tahun, kode_g, f"Kegiatan {kode_g}", kegiatan["pagu"], kegiatan["rencana"],
                   kegiatan["realisasi"], posisi=baris_g)
        _baris(ids, rows, kid, tahun, kode_p, uraian_p, program["pagu"], program["rencana"], program["realisasi"],
               posisi=baris_p)


def _baris(ids, rows, kid, tahun, kode, uraian, pagu, rencana, realisasi, posisi=None) -> None:
    aid = ids["anggaran"]()
    row = dict(id=aid, kecamatan_id=kid, tahun=tahun, kode=kode, uraian=uraian, pagu_murni_sen=pagu,
               pagu_perubahan_sen=None, jenis_belanja=None,
               **{f"rencana_tw{tw}_sen": rencana[tw - 1] for tw in range(1, 5)})
    if posisi is None:
        rows["anggaran"].append(row)
    else:
        rows["anggaran"][posisi] = row
    for tw in range(1, 5):
        rows["anggaran_realisasi"].append(dict(id=ids["anggaran_realisasi"](), anggaran_id=aid, triwulan=tw,
                                               jumlah_sen=realisasi[tw - 1]))


def _indikator(rng, ids, rows, kid, mutu, rasio, ikm_tw) -> None:
    for urutan, (kode, nama, satuan, polaritas, agregasi, hitung, awal, langkah) in enumerate(IKU, start=1):
        iid = ids["indikator"]()
        rows["indikator"].append(dict(id=iid, kecamatan_id=kid, kode=kode, nama=nama, sasaran=(
            "Meningkatnya Tata Kelola Pemerintahan Kecamatan dan Pelayanan Publik"), satuan=satuan, jenis="iku",
            polaritas=polaritas, agregasi=agregasi, hitung=hitung, nol_per_nol=None, urutan=urutan))
        renstra = round(awal + langkah * len(TAHUN), 2)
        for i, tahun in enumerate(TAHUN):
            target = round(awal + langkah * i, 2)
            target_tw = {tw: (round(target * tw / 4, 2) if agregasi == "jumlah" else None) for tw in range(1, 5)}
            rows["target"].append(dict(id=ids["target"](), indikator_id=iid, tahun=tahun, versi="PK", urutan_versi=0,
                                       target=target, target_renstra=renstra,
                                       **{f"target_tw{tw}": v for tw, v in target_tw.items()}))
            for tw in range(1, 5):
                if hitung == "rasio_desa_mandiri":
                    nilai = round(rasio[tahun], 2)
                elif hitung == "ikm":
                    nilai = ikm_tw[tahun][tw]  # unrounded: the mean of the TW must match the app's
                else:
                    faktor = 1 + 0.12 * mutu + rng.uniform(-0.08, 0.10)
                    if polaritas == "negatif":
                        faktor = 2 - faktor
                    basis = target / 4 if agregasi == "jumlah" else target * (0.85 + 0.05 * tw)
                    nilai = round(max(0.0, basis * faktor), 2)
                    if satuan == "%":
                        nilai = min(nilai, 100.0)
                rows["realisasi"].append(dict(id=ids["realisasi"](), indikator_id=iid, tahun=tahun, triwulan=tw,
                                              nilai=nilai))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Buat basis data Kabupaten Uji (20 kecamatan × 5 tahun).")
    ap.add_argument("path", nargs="?", help="berkas SQLite baru (dihapus dulu bila ada)")
    ap.add_argument("--url", help="URL SQLAlchemy basis data yang sudah ada (mis. PostgreSQL kosong)")
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args(argv)
    if bool(args.path) == bool(args.url):
        ap.error("berikan PATH berkas SQLite atau --url, salah satu")
    if args.path:
        path = Path(args.path).resolve()
        for akhiran in ("", "-wal", "-shm"):
            Path(str(path) + akhiran).unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        url = args.url
    mulai = time.perf_counter()
    jumlah = buat(url, args.seed)
    print(", ".join(f"{t} {n}" for t, n in jumlah.items()) + f" ({time.perf_counter() - mulai:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
