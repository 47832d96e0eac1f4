"""The command line, `python -m dashboard …` (formats.md §2). Exit codes: 0 done, 1 input rejected, 2 usage."""

from __future__ import annotations

import argparse
import json
import os
import sys

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from dashboard import format as fmt

KELUAR_OK, KELUAR_DITOLAK, KELUAR_SALAH_PAKAI = 0, 1, 2


def _pelaku():
    """The command line acts as the local system administrator, named by the operating-system user."""
    from dashboard.akun import pelaku_sistem

    return pelaku_sistem()


class _Format(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Penggunaan: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Indonesian: help, headings and messages for wrong usage (exit code 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Format)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str):
        terjemah = {
            "the following arguments are required": "argumen berikut wajib diisi",
            "invalid choice": "pilihan tidak sah",
            "unrecognized arguments": "argumen tidak dikenal",
            "expected one argument": "butuh satu nilai",
            "invalid int value": "bukan bilangan bulat",
            "choose from": "pilih dari",
            "ambiguous option": "pilihan ambigu",
            "could match": "bisa berarti",
            "not allowed with argument": "tidak boleh bersama argumen",
            "argument ": "argumen ",
        }
        for en, idn in terjemah.items():
            message = message.replace(en, idn)
        self.print_usage(sys.stderr)
        print(f"Penggunaan salah: {message}", file=sys.stderr)
        raise SystemExit(KELUAR_SALAH_PAKAI)


def _gagal(pesan: str, kode: int = KELUAR_DITOLAK) -> int:
    for baris in str(pesan).splitlines() or [""]:
        print(baris, file=sys.stderr)
    return kode


def _triwulan(teks: str) -> int:
    from dashboard.nilai import baca_triwulan

    tw = baca_triwulan(teks)
    if tw is None:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan triwulan (1–4, I–IV)")
    return tw


def _tahun(teks: str) -> int:
    if not teks.isdigit() or not 1900 <= int(teks) <= 2100:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan tahun (1900–2100)")
    return int(teks)


def _pasangan(teks: str) -> str:
    if "=" not in teks:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan pasangan KOLOM=NAMA")
    return teks


def buat_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m dashboard", description="Pantau Triwulan: pemantauan kinerja triwulanan kecamatan.")
    sub = p.add_subparsers(dest="perintah", required=True, parser_class=_Parser, metavar="PERINTAH",
                           help="perintah yang dijalankan (bantuan tiap perintah: PERINTAH --help)")
    tahun = dict(type=_tahun, metavar="TAHUN", help="tahun, mis. 2025")
    triwulan = dict(type=_triwulan, metavar="TW", help="triwulan: 1–4, I–IV atau TW II")

    db = sub.add_parser("db", help="basis data")
    db_sub = db.add_subparsers(dest="aksi", required=True, parser_class=_Parser, metavar="AKSI",
                               help="tindakan pada basis data")
    db_sub.add_parser("upgrade", help="buat atau perbarui skema basis data")

    demo = sub.add_parser("demo", help="muat data contoh (aman diulang)")
    demo.add_argument("--jika-kosong", action="store_true", help="hanya bila basis data belum berisi kecamatan")

    kec = sub.add_parser("kecamatan", help="data induk kecamatan")
    kec_sub = kec.add_subparsers(dest="aksi", required=True, parser_class=_Parser, metavar="AKSI",
                                 help="tindakan pada data kecamatan")
    tambah = kec_sub.add_parser("add", help="tambah kecamatan")
    tambah.add_argument("nama", metavar="NAMA", help="nama kecamatan, mis. Takisung")
    tambah.add_argument("--kabupaten", required=True, metavar="KAB", help="kabupaten tempat kecamatan itu")
    kec_sub.add_parser("list", help="daftar kecamatan")

    imp = sub.add_parser("import", help="impor berkas data")
    imp.add_argument("dataset", choices=["indikator", "realisasi", "anggaran", "skm", "skm-rekap", "desa", "skala"],
                     metavar="DATASET", help="jenis data: indikator, realisasi, anggaran, skm, skm-rekap, desa, skala")
    imp.add_argument("berkas", metavar="BERKAS", help="berkas CSV atau XLSX yang diimpor")
    imp.add_argument("--kecamatan", metavar="NAMA",
                     help="kecamatan tujuan (wajib, kecuali berkas punya kolom kecamatan atau DATASET skala)")
    imp.add_argument("--tahun", **{**tahun, "help": "tahun data bila berkas tidak memuatnya"})
    imp.add_argument("--triwulan", **{**triwulan, "help": "triwulan data bila berkas tidak memuatnya (1–4, I–IV)"})
    imp.add_argument("--lembar", metavar="LEMBAR", help="nama lembar XLSX (bawaan: lembar pertama)")
    imp.add_argument("--pemetaan", metavar="NAMA", help="nama pemetaan kolom yang tersimpan (dari halaman Unggah)")
    imp.add_argument("--peta", action="append", type=_pasangan, default=[], metavar="KOLOM=NAMA",
                     help="baca judul NAMA di berkas sebagai kolom KOLOM, mis. --peta \"pagu=Alokasi Anggaran (Rp)\"; "
                          "boleh diulang, menimpa --pemetaan")
    imp.add_argument("--per-triwulan", action="store_true", help="realisasi anggaran per triwulan, bukan kumulatif")
    imp.add_argument("--mode", choices=["ganti", "tambah"], default="ganti",
                     help="SKM: ganti (bawaan) mengganti jawaban triwulan itu; tambah menambahkannya")
    imp.add_argument("--periode", choices=["triwulan", "semester", "tahunan"],
                     help="untuk SKM yang berkasnya tidak menyebut periodenya: survei per triwulan (bawaan), per "
                          "semester atau tahunan (disimpan pada TW akhir periodenya, atau --triwulan)")
    imp.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")

    imp_batal = sub.add_parser("undo", help="batalkan satu impor")
    imp_batal.add_argument("import_id", type=int, metavar="NOMOR", help="nomor impor di riwayat (mis. 12)")

    s = sub.add_parser("summary", help="ringkasan angka satu periode")
    s.add_argument("--kecamatan", required=True, metavar="NAMA", help="kecamatan")
    s.add_argument("--tahun", required=True, **tahun)
    s.add_argument("--triwulan", required=True, **{**triwulan, "help": "angka s.d. triwulan ini"})
    s.add_argument("--json", action="store_true", help="keluaran JSON (formats.md §3) alih-alih teks")

    e = sub.add_parser("export", help="unduhan: xlsx, pptx, ZIP berisi CSV, atau draf LKjIP (docx)")
    e.add_argument("format", choices=["xlsx", "pptx", "csv", "docx"], metavar="FORMAT",
                   help="xlsx (buku kerja), pptx (dek), csv (ZIP berisi CSV) atau docx (draf LKjIP Word)")
    e.add_argument("--kecamatan", required=True, metavar="NAMA", help="kecamatan")
    e.add_argument("--tahun", required=True, **tahun)
    e.add_argument("--triwulan", required=True, **{**triwulan, "help": "angka s.d. triwulan ini"})
    e.add_argument("--out", required=True, metavar="BERKAS",
                   help="berkas yang ditulis, atau folder (nama berkas dibuat dari kecamatan dan periode)")

    cad = sub.add_parser("backup", help="cadangkan seluruh basis data ke satu berkas ZIP")
    cad.add_argument("--out", required=True, metavar="BERKAS.zip", help="berkas ZIP cadangan yang ditulis")
    pul = sub.add_parser("restore", help="pulihkan cadangan ke basis data baru yang kosong")
    pul.add_argument("berkas", metavar="BERKAS.zip", help="berkas ZIP cadangan (dari perintah backup)")
    pul.add_argument("--periksa", action="store_true", help="periksa checksum cadangan saja, jangan pulihkan")

    pl = sub.add_parser("periksa-laporan", help="periksa angka laporan kinerja (LKjIP) yang sudah jadi")
    pl.add_argument("berkas", metavar="BERKAS", help="dokumen Word (.docx) laporan, atau buku kerja Excel (.xlsx) tempat tabelnya diketik")
    pl.add_argument("--kecamatan", metavar="NAMA", help="bandingkan juga angka tercetak dengan data kecamatan ini di basis data")
    pl.add_argument("--tahun", **{**tahun, "help": "tahun laporan untuk pembandingan (bawaan: tahun terbaru yang "
                    "punya data kecamatan itu); hanya bersama --kecamatan"})
    pl.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")
    pl.add_argument("--out", metavar="BERKAS.xlsx", help="simpan hasil sebagai buku kerja Excel (.xlsx) di jalur ini")

    us = sub.add_parser("user", help="akun pengguna: admin, operator, pimpinan")
    us_sub = us.add_subparsers(dest="aksi", required=True, parser_class=_Parser, metavar="AKSI",
                               help="tindakan pada akun")
    sandi = dict(action="store_true", help="baca kata sandi dari baris pertama masukan standar (untuk skrip) "
                 "alih-alih menanyakannya")
    us_add = us_sub.add_parser("add", help="tambah akun (kata sandi ditanyakan, tidak ditampilkan)")
    us_add.add_argument("nama", metavar="NAMA", help="nama pengguna untuk masuk, tanpa spasi, mis. operator.bajuin")
    us_add.add_argument("--peran", required=True, choices=["admin", "operator", "pimpinan"], metavar="PERAN",
                        help="admin, operator atau pimpinan")
    us_add.add_argument("--kecamatan", nargs="+", default=[], metavar="NAMA",
                        help="kecamatan yang ditugaskan (wajib untuk operator; pimpinan tanpa kecamatan melihat "
                             "semua kecamatan)")
    us_add.add_argument("--email", metavar="EMAIL", help="alamat e-mail (untuk masuk lewat penyedia identitas)")
    us_add.add_argument("--sandi-stdin", **sandi)
    us_pw = us_sub.add_parser("passwd", help="ganti kata sandi satu akun (dan buka kuncinya)")
    us_pw.add_argument("nama", metavar="NAMA", help="nama pengguna")
    us_pw.add_argument("--sandi-stdin", **sandi)
    us_sub.add_parser("list", help="daftar akun")
    us_dis = us_sub.add_parser("disable", help="nonaktifkan akun (login-nya berakhir)")
    us_dis.add_argument("nama", metavar="NAMA", help="nama pengguna")
    us_en = us_sub.add_parser("enable", help="aktifkan kembali akun")
    us_en.add_argument("nama", metavar="NAMA", help="nama pengguna")

    au = sub.add_parser("audit", help="jejak audit: siapa melakukan apa, kapan")
    au.add_argument("--since", required=True, type=_tanggal, metavar="TANGGAL",
                    help="sejak tanggal ini (YYYY-MM-DD)")
    au.add_argument("--pengguna", metavar="NAMA", help="hanya tindakan pengguna ini")
    au.add_argument("--jenis", metavar="JENIS", help="hanya jenis ini, mis. impor, masuk_gagal, pengaturan")
    au.add_argument("--json", action="store_true", help="keluaran JSON (satu daftar) alih-alih teks")

    st = sub.add_parser("pengaturan", help="pengaturan")
    st_sub = st.add_subparsers(dest="aksi", required=True, parser_class=_Parser, metavar="AKSI",
                               help="tindakan pada pengaturan")
    st_set = st_sub.add_parser("set", help="ubah satu pengaturan")
    st_set.add_argument("kunci", metavar="KUNCI", help="nama pengaturan, mis. efisiensi_metode")
    st_set.add_argument("nilai", metavar="NILAI", help="nilai baru, mis. rasio")
    st_set.add_argument("--kecamatan", metavar="NAMA", help="hanya untuk kecamatan ini (bawaan: semua kecamatan)")
    st_show = st_sub.add_parser("show", help="tampilkan pengaturan yang berlaku")
    st_show.add_argument("--kecamatan", metavar="NAMA", help="pengaturan yang berlaku di kecamatan ini")
    return p


def main(argv: list[str] | None = None) -> int:
    args = buat_parser().parse_args(argv)
    handler = {"db": _db, "demo": _demo, "kecamatan": _kecamatan, "import": _import, "undo": _undo,
               "summary": _summary, "export": _export, "pengaturan": _pengaturan,
               "backup": _backup, "restore": _restore, "periksa-laporan": _periksa_laporan,
               "user": _user, "audit": _audit}[args.perintah]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return _gagal("Dihentikan.", KELUAR_DITOLAK)
    except (DBAPIError, OSError) as exc:
        # A full disk, a read-only database, no schema yet…: the cause in words, not a traceback.
        from dashboard.basisdata import pesan_galat

        pesan = pesan_galat(exc)
        if pesan is None:
            raise
        return _gagal(pesan, KELUAR_DITOLAK)


def _db(args) -> int:
    from dashboard.basisdata import siapkan_basis_data
    from models.db import database_url

    siapkan_basis_data()
    print(f"Skema basis data mutakhir ({_url_aman(database_url())}).")
    return KELUAR_OK


def _url_aman(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _demo(args) -> int:
    from dashboard.demo import muat_demo

    hasil = muat_demo(jika_kosong=args.jika_kosong)
    print(hasil)
    return KELUAR_OK


def _kecamatan(args) -> int:
    from dashboard.pengaturan import KUNCI_TULIS
    from models.db import session_scope
    from models.tables import Kecamatan

    with session_scope(kunci=KUNCI_TULIS if args.aksi == "add" else None) as s:
        if args.aksi == "list":
            for k in s.execute(select(Kecamatan).order_by(Kecamatan.kabupaten, Kecamatan.nama)).scalars():
                tanda = "\t(sintetis)" if k.sintetis else ""
                print(f"{k.nama}\t{k.kabupaten}{tanda}")
            return KELUAR_OK
        nama, kab = args.nama.strip(), args.kabupaten.strip()
        if not nama or not kab:
            return _gagal("Nama kecamatan dan kabupaten tidak boleh kosong.")
        ada = s.execute(select(Kecamatan).where(Kecamatan.nama == nama)).scalar_one_or_none()
        if ada is not None:
            if ada.kabupaten == kab:
                print(f"Kecamatan {nama} ({kab}) sudah ada.")
                return KELUAR_OK
            return _gagal(f"Kecamatan {nama} sudah ada di {ada.kabupaten}.")
        from dashboard.kelola import tambah_kecamatan

        tambah_kecamatan(s, nama, kab, pengguna=_pelaku())
    print(f"Kecamatan {nama} ({kab}) ditambahkan.")
    return KELUAR_OK


def _import(args) -> int:
    from dashboard.impor import ImporError, impor_berkas
    from dashboard.impor.pemetaan import peta_dari_teks

    try:
        pemetaan = args.pemetaan
        if args.peta:
            pemetaan = peta_dari_teks(args.dataset, args.peta)
            if args.pemetaan:
                from dashboard.impor.siap import muat_pemetaan
                from models.db import session_scope

                with session_scope() as s:
                    pemetaan = {**muat_pemetaan(s, args.dataset, args.pemetaan), **pemetaan}
        hasil = impor_berkas(args.dataset, args.berkas, kecamatan=args.kecamatan, tahun=args.tahun,
                             triwulan=args.triwulan, lembar=args.lembar, pemetaan=pemetaan,
                             per_triwulan=args.per_triwulan, mode=args.mode, dry_run=args.dry_run,
                             pengguna=_pelaku(), periode=args.periode)
    except ImporError as exc:
        return _gagal(str(exc), KELUAR_SALAH_PAKAI if getattr(exc, "salah_pakai", False) else KELUAR_DITOLAK)
    for w in hasil.peringatan:
        print(f"Peringatan: {w['pesan']} ({w.get('lokasi', '')})", file=sys.stderr)
    p = hasil.persiapan
    for c in p.catatan if p else []:
        print(f"Catatan: {c}", file=sys.stderr)
    if p and p.diabaikan:
        print(f"Kolom diabaikan ({len(p.diabaikan)}): {', '.join(repr(h) for h in p.diabaikan)}; petakan dengan "
              "--peta KOLOM=NAMA bila perlu diimpor.", file=sys.stderr)
    if hasil.galat:
        for g in hasil.galat:
            print(g.pesan, file=sys.stderr)
        if p and p.mirip:
            from dashboard.impor import NAMA_DATASET

            print(f"Berkas ini tampak seperti data {NAMA_DATASET[p.mirip]}: coba python -m dashboard import "
                  f"{p.mirip} {args.berkas} …", file=sys.stderr)
        print(f"Impor ditolak: {len(hasil.galat)} galat; tidak ada data yang disimpan.", file=sys.stderr)
        return KELUAR_DITOLAK
    print(hasil.ringkas())
    return KELUAR_OK


def _undo(args) -> int:
    from dashboard.impor import ImporError, batalkan

    try:
        pesan = batalkan(args.import_id, pengguna=_pelaku())
    except ImporError as exc:
        return _gagal(str(exc))
    print(pesan)
    return KELUAR_OK


def _summary(args) -> int:
    from dashboard.data import TidakDitemukan, muat_satu
    from dashboard.ringkasan import publik, ringkasan
    from models.db import session_scope

    try:
        with session_scope() as s:
            periode = muat_satu(s, args.kecamatan, args.tahun)
    except TidakDitemukan as exc:
        return _gagal(str(exc))
    data = ringkasan(periode, args.triwulan)
    if args.json:
        print(json.dumps(publik(data), ensure_ascii=False, indent=2))
    else:
        print(teks_ringkasan(data))
    return KELUAR_OK


def teks_ringkasan(d: dict) -> str:
    """The summary as lines a person reads."""
    iku, ang, skm, desa, ef = d["iku"], d["anggaran"], d["skm"], d["desa"], d["efisiensi"]
    baris = [f"Kecamatan {d['kecamatan']}, Kabupaten {d['kabupaten']} — {fmt.triwulan(d['triwulan'])} {d['tahun']}"
             + (" (data sintetis)" if d.get("sintetis") else "")]
    baris.append(f"Rata-rata capaian IKU : {fmt.persen(iku['rata_rata_capaian'])} {iku['kategori'] or ''}".rstrip())
    for i in iku["indikator"]:
        baris.append(f"  {i['kode']} {i['nama']}: target {fmt.nilai(i['target'], i['satuan'])}, realisasi "
                     f"{fmt.nilai(i['realisasi'], i['satuan'])}, capaian "
                     f"{fmt.persen(i['capaian']) if i['capaian'] is not None else 'belum diukur'}")
    baris.append(f"Serapan anggaran     : {fmt.persen(ang['serapan'])} ({fmt.rupiah(ang['realisasi'])} dari "
                 f"{fmt.rupiah(ang['pagu'])}) {ang['kategori'] or ''}".rstrip())
    baris.append(f"IKM                  : {fmt.angka(skm['ikm'])} mutu {skm['mutu'] or '—'} {skm['kinerja'] or ''}".rstrip())
    baris.append(f"Rasio desa mandiri   : {fmt.persen(desa['rasio'])} ({desa['mandiri'] if desa['mandiri'] is not None else '—'}"
                 f" dari {desa['jumlah'] if desa['jumlah'] is not None else '—'} desa)")
    baris.append(f"Efisiensi ({ef['metode']}): {fmt.angka(ef['nilai'])} {ef.get('kategori') or ''}".rstrip())
    if d["peringatan"]:
        baris.append(f"Peringatan ({len(d['peringatan'])}):")
        baris += [f"  - {w['pesan']} [{w['lokasi']}]" for w in d["peringatan"]]
    return "\n".join(baris)


def _export(args) -> int:
    from dashboard.ekspor import EksporError, ekspor_ke_berkas

    try:
        path = ekspor_ke_berkas(args.format, args.kecamatan, args.tahun, args.triwulan, args.out)
    except EksporError as exc:
        return _gagal(str(exc))
    print(f"Tersimpan: {path}")
    return KELUAR_OK


def _backup(args) -> int:
    from dashboard.cadangan import CadanganError, tulis_cadangan

    try:
        manifest = tulis_cadangan(args.out, pengguna=_pelaku())
    except (CadanganError, OSError) as exc:
        return _gagal(f"Cadangan tidak dibuat: {exc}")
    baris = sum(t["baris"] for t in manifest["tabel"].values())
    print(f"Cadangan tersimpan: {args.out} ({fmt.angka(baris, 0)} baris dalam {len(manifest['tabel'])} tabel, "
          f"{fmt.angka(len(manifest['berkas']), 0)} berkas asli impor; revisi skema {manifest['revisi']}).")
    return KELUAR_OK


def _restore(args) -> int:
    from dashboard.cadangan import CadanganError, periksa_cadangan, pulihkan

    if not os.path.isfile(args.berkas):
        return _gagal(f"Berkas '{args.berkas}' tidak ditemukan.", KELUAR_SALAH_PAKAI)
    try:
        if args.periksa:
            m = periksa_cadangan(args.berkas)
            print(f"Cadangan utuh: {len(m['sha256'])} berkas cocok dengan checksum SHA-256-nya "
                  f"(revisi skema {m['revisi']}, dibuat {m.get('dibuat')}).")
            return KELUAR_OK
        hasil = pulihkan(args.berkas, pengguna=_pelaku())
    except CadanganError as exc:
        return _gagal(f"Pemulihan ditolak: {exc}")
    print(hasil.ringkas())
    return KELUAR_OK


def _pengaturan(args) -> int:
    from dashboard import akun
    from dashboard import pengaturan as peng
    from models.db import session_scope

    try:
        with session_scope(kunci=peng.KUNCI_TULIS if args.aksi == "set" else None) as s:
            kid = peng.kecamatan_id(s, args.kecamatan)
            if args.aksi == "set" and args.kunci in akun.SETELAN:
                if kid:
                    raise peng.PengaturanError(f"{args.kunci} berlaku untuk seluruh server, tanpa --kecamatan.")
                nilai = akun.simpan_setelan(s, args.kunci, args.nilai, pengguna=_pelaku())
                print(f"{args.kunci} = {nilai} (seluruh server)")
            elif args.aksi == "set":
                nilai = peng.simpan(s, args.kunci, args.nilai, kecamatan_id=kid, pengguna=_pelaku())
                print(f"{args.kunci} = {nilai}" + (f" (Kecamatan {args.kecamatan})" if kid else " (semua kecamatan)"))
            else:
                raw = peng.baca_mentah(s, [kid])[kid]
                if not kid:
                    raw.update(akun.setelan(s))
                for k in sorted(raw):
                    print(f"{k} = {raw[k]}")
    except peng.PengaturanError as exc:
        return _gagal(str(exc))
    return KELUAR_OK


def _periksa_laporan(args) -> int:
    """Exit 0 when the report was checked (findings are the output, not a failure); 1 when it cannot be read."""
    import os

    from dashboard.periksa_laporan import BerkasDitolak, buku_kerja, json_hasil, periksa, teks_hasil
    from dashboard.periksa_laporan.berkas import UKURAN_MAKS

    if args.tahun is not None and not args.kecamatan:
        print("Penggunaan salah: --tahun hanya berlaku bersama --kecamatan.", file=sys.stderr)
        return KELUAR_SALAH_PAKAI
    nama = os.path.basename(args.berkas)
    try:
        if os.path.getsize(args.berkas) > UKURAN_MAKS:
            return _gagal(f"Berkas '{nama}' terlalu besar (paling besar {UKURAN_MAKS // 1024 // 1024} MB).")
        with open(args.berkas, "rb") as f:
            isi = f.read()
    except IsADirectoryError:
        return _gagal(f"'{args.berkas}' adalah folder, bukan berkas.")
    except OSError:
        return _gagal(f"Berkas '{args.berkas}' tidak dapat dibuka (tidak ada, atau tidak boleh dibaca).")
    periode = None
    if args.kecamatan:
        from dashboard.data import TidakDitemukan, cari_kecamatan, muat_satu, tahun_tersedia
        from models.db import session_scope

        try:
            with session_scope() as s:
                tahun = args.tahun or next(iter(tahun_tersedia(s, cari_kecamatan(s, args.kecamatan).id)), None)
                if tahun is None:
                    return _gagal(f"Kecamatan '{args.kecamatan}' belum punya data untuk dibandingkan.")
                periode = muat_satu(s, args.kecamatan, tahun)
        except TidakDitemukan as exc:
            return _gagal(str(exc))
    try:
        hasil = periksa(isi, nama, periode=periode)
    except BerkasDitolak as exc:
        return _gagal(str(exc))
    if args.out:
        try:
            with open(args.out, "wb") as f:
                f.write(buku_kerja(hasil))
        except OSError:
            return _gagal(f"Hasil tidak dapat disimpan ke '{args.out}'.")
    if args.json:
        print(json.dumps(json_hasil(hasil), ensure_ascii=False, indent=2))
    else:
        print(teks_hasil(hasil))
        if args.out:
            print(f"Tersimpan: {args.out}")
    return KELUAR_OK


def _tanggal(teks: str):
    from datetime import date

    try:
        return date.fromisoformat(teks.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan tanggal YYYY-MM-DD") from None


def _baca_sandi(args, konfirmasi: bool = True) -> str:
    if args.sandi_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    sandi = getpass.getpass("Kata sandi: ")
    if konfirmasi and getpass.getpass("Ulangi kata sandi: ") != sandi:
        raise ValueError("Kedua kata sandi tidak sama.")
    return sandi


def _user(args) -> int:
    from dashboard import akun
    from models.db import session_scope

    try:
        if args.aksi in ("add", "passwd"):
            sandi = _baca_sandi(args)
        with session_scope(kunci=akun.KUNCI_TULIS if args.aksi != "list" else None) as s:
            if args.aksi == "add":
                akun.tambah_pengguna(s, args.nama, sandi, args.peran, args.kecamatan, email=args.email,
                                     pengguna=_pelaku())
                kec = f" untuk {', '.join(args.kecamatan)}" if args.kecamatan and args.peran != "admin" else ""
                print(f"Akun {args.nama} ({args.peran}{kec}) dibuat.")
            elif args.aksi == "passwd":
                akun.ubah_sandi(s, args.nama, sandi, pengguna=_pelaku())
                print(f"Kata sandi {args.nama} diganti; login-nya yang lama berakhir.")
            elif args.aksi in ("disable", "enable"):
                berubah = akun.ubah_pengguna(s, args.nama, aktif=args.aksi == "enable", pengguna=_pelaku())
                keadaan = "aktif" if args.aksi == "enable" else "nonaktif"
                print(f"Akun {args.nama} {keadaan}." if berubah else f"Akun {args.nama} memang sudah {keadaan}.")
            else:
                daftar = akun.daftar_pengguna(s)
                if not daftar:
                    print("Belum ada akun. Buat admin pertama: python -m dashboard user add NAMA --peran admin")
                for u in daftar:
                    kec = ", ".join(u["kecamatan"]) or ("semua kecamatan" if u["peran"] != "admin" else "-")
                    status = "aktif" if u["aktif"] else "nonaktif"
                    print(f"{u['nama']}\t{u['peran']}\t{kec}\t{status}")
    except (akun.AkunError, ValueError) as exc:
        return _gagal(str(exc))
    return KELUAR_OK


def _audit(args) -> int:
    from datetime import datetime, timezone

    from dashboard import akun
    from models.db import session_scope

    sejak = datetime(args.since.year, args.since.month, args.since.day, tzinfo=timezone.utc)
    with session_scope() as s:
        rows = akun.baca_audit(s, sejak=sejak, pengguna=args.pengguna, jenis=args.jenis)
    rows.reverse()  # oldest first, as a log reads
    if args.json:
        print(json.dumps([{**r, "waktu": r["waktu"].isoformat()} for r in rows], ensure_ascii=False, indent=2))
        return KELUAR_OK
    for r in rows:
        kec = f" [{r['kecamatan']}]" if r.get("kecamatan") else ""
        print(f"{r['waktu'].isoformat(timespec='seconds')}\t{r['pengguna']}\t{r['jenis']}\t{r['hasil']}{kec}\t"
              f"{r['uraian']}")
    if not rows:
        print("Tidak ada catatan audit sejak tanggal itu.")
    return KELUAR_OK
