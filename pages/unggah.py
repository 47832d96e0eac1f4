"""Unggah Data: import a file (check, preview, save), enter the TW's targets and realisasi by hand, download the
templates, and the import history with the original files and undo.

The checks and tables come from `dashboard.unggah`, the reading, validating and writing from `dashboard.impor`.
Page-local session keys start with `unggah_`.
"""

import streamlit as st

from dashboard import format as fmt
from dashboard import ui
from dashboard import unggah as u
from dashboard.akun import AksesDitolak
from dashboard.impor import (ImporError, batalkan, berkas_sebagian, daftar_pemetaan, isi_berkas, riwayat,
                             simpan_pemetaan, templat)
from dashboard.tabel import publik

ss = st.session_state
MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


# ---------------------------------------------------------------- cached reads

@st.cache_data(show_spinner=False, max_entries=32)
def baca_riwayat(kecamatan_id: int, kunci: str) -> list[dict]:
    with ui.sesi() as s:
        return riwayat(s, kecamatan_id=kecamatan_id, umum=True, limit=200)


@st.cache_data(show_spinner=False, max_entries=32)
def baca_impor(import_id: int, kunci: str) -> dict | None:
    with ui.sesi() as s:
        rows = riwayat(s, import_id=import_id)
    return rows[0] if rows else None


@st.cache_data(show_spinner=False, max_entries=8)
def berkas_asli(import_id: int, kunci: str, pelaku) -> tuple[str, bytes]:
    """The original file, for a user allowed to download it (`pelaku` is part of the cache key)."""
    with ui.sesi() as s:
        return isi_berkas(s, import_id, pengguna=pelaku)


@st.cache_data(show_spinner=False, max_entries=32)
def baca_pemetaan(dataset: str, kunci: str) -> list[str]:
    with ui.sesi() as s:
        return daftar_pemetaan(s, dataset)


@st.cache_data(show_spinner=False, max_entries=32)
def baca_isi_pemetaan(dataset: str, nama: str, kunci: str) -> dict:
    with ui.sesi() as s:
        return u.peta_tersimpan(s, dataset, nama)


@st.cache_data(show_spinner=False)
def berkas_templat(dataset: str, jenis: str) -> bytes:
    return templat(dataset, jenis)


def nomor_sorot() -> int | None:
    """The import a link asked for (`?impor=12` from a warning, or `unggah_impor` in the session)."""
    nilai = ss.get("unggah_impor") or st.query_params.get("impor")
    try:
        return int(str(nilai).lstrip("#")) if nilai not in (None, "") else None
    except ValueError:
        return None


def tautan_halaman(dataset: str) -> None:
    path, judul = u.HALAMAN_DATASET[dataset]
    try:
        st.page_link(path, label=f"Lihat datanya di halaman {judul}", icon=":material/arrow_forward:")
    except Exception:  # the page is not in this run's navigation (the page run on its own)
        st.caption(f"Datanya tampil di halaman {judul}.")


def tombol_templat(dataset: str, kunci: str) -> None:
    with st.container(horizontal=True):
        for jenis in ("xlsx", "csv"):
            st.download_button(f"Templat {jenis.upper()}", data=berkas_templat(dataset, jenis),
                               file_name=u.nama_templat(dataset, jenis), mime=MIME[jenis], icon=":material/download:",
                               key=f"unggah_templat_{kunci}_{dataset}_{jenis}")


# ---------------------------------------------------------------- the frame and the page head

frame = ui.perlu_frame()
if frame is None:
    st.stop()
nama, tahun, tw = frame
semua_kec = ui.baca_kecamatan()
kec = next(k for k in semua_kec if k["nama"] == nama)
kunci = ui.kunci()
periode = ui.baca_periode(nama, tahun)
maks_mb = periode.setelan.ukuran_file_maks_mb

ui.judul("Unggah Data", None, None, None, kec["sintetis"])
st.caption(f"Data masuk ke **Kecamatan {fmt.md(nama)}**. Tahun dan triwulan bawaan: **{tahun}, {fmt.triwulan(tw)}** "
           "(dari bingkai di samping; dipakai hanya bila berkas tidak memuatnya). Setiap impor tercatat di "
           "**Riwayat impor** di bawah dan dapat dibatalkan.")

pesan = ss.pop("unggah_pesan", None)
if pesan:
    st.success(fmt.md(pesan["teks"]), icon=":material/check_circle:")
    if pesan.get("peringatan"):
        st.warning(f"{pesan['peringatan']} peringatan data disimpan bersama impor ini (tidak menghalangi). "
                   "Rinciannya ada di Riwayat impor di bawah.", icon=":material/report:")
    for ds in pesan.get("dataset", []):
        tautan_halaman(ds)

sorot = nomor_sorot()


# ---------------------------------------------------------------- one import's details (history and links)

def rincian(r: dict, *, aksi: bool) -> None:
    """An import: what, when, options, counts, errors and warnings; with `aksi` the download and undo buttons."""
    label, _ = u.STATUS.get(r["status"], (r["status"], None))
    warna = {"berhasil": "green", "ditolak": "red"}.get(r["status"], "gray")
    st.markdown(f"**Impor #{r['id']}** · {fmt.md(u.JUDUL_DATASET.get(r['dataset'], r['dataset']))} · "
                f"{fmt.md(r['nama_file'])} · :{warna}-badge[{label}]")
    c = u.hitungan(r)
    st.caption(f"{u.waktu_lokal(r['waktu'])} oleh {fmt.md(r['pengguna'])} · Kecamatan "
               f"{fmt.md(r.get('kecamatan')) or 'se-kabupaten'} · {fmt.md(u.uraian_opsi(r))}  \n"
               + ", ".join(f"{k.lower()} {fmt.angka(v, 0)}" for k, v in c.items()))
    sebagian = berkas_sebagian(r)
    if sebagian:
        st.caption(sebagian)
    if r.get("galat"):
        st.markdown(f"**Galat ({len(r['galat'])})**: berkas ditolak, tidak ada data yang disimpan.")
        ui.tabel(u.tabel_galat_json(r["galat"]), lebar={"Pesan": "large"})
    if r.get("peringatan"):
        st.markdown(f"**Peringatan data ({len(r['peringatan'])})**: tidak menghalangi impor.")
        st.dataframe(u.tabel_peringatan_impor(r["peringatan"]), width="stretch", hide_index=True)
    if not aksi:
        return
    with st.container(horizontal=True):
        if r.get("ukuran") and ui.boleh("unduh_asli", r.get("kecamatan_id")):
            nama_file, isi = berkas_asli(r["id"], kunci, ui.pelaku())
            label = (f"Unduh {fmt.angka(len(isi) / 1024, 0)} KB pertama berkas asli (sebagian)" if sebagian
                     else "Unduh berkas asli")
            st.download_button(label, data=isi, file_name=nama_file, icon=":material/download:",
                               key=f"unggah_asli_{r['id']}")
        if (r["status"] == "berhasil" and ss.get("unggah_konfirmasi") != r["id"]
                and ui.boleh("batal", r.get("kecamatan_id"))):
            st.button("Batalkan impor ini…", icon=":material/undo:", key=f"unggah_batal_{r['id']}",
                      on_click=lambda: ss.update(unggah_konfirmasi=r["id"]))
    galat_batal = ss.pop("unggah_batal_galat", None)
    if galat_batal and galat_batal[0] == r["id"]:
        st.error(f"Tidak dibatalkan. {fmt.md(galat_batal[1])}", icon=":material/block:")
    if r["status"] == "berhasil" and ss.get("unggah_konfirmasi") == r["id"]:
        st.warning(f"Batalkan impor #{r['id']}? Baris yang ditambahkannya dihapus dan baris yang diubahnya "
                   "dikembalikan seperti sebelum impor. Pembatalan tercatat di riwayat.", icon=":material/warning:")
        with st.container(horizontal=True):
            ya = st.button("Ya, batalkan", type="primary", key="unggah_batal_ya")
            tidak = st.button("Tidak jadi", key="unggah_batal_tidak")
        if tidak:
            ss.pop("unggah_konfirmasi", None)
            st.rerun()
        if ya:
            ss.pop("unggah_konfirmasi", None)
            try:
                teks = batalkan(r["id"], pengguna=ui.pelaku())
            except (ImporError, AksesDitolak) as exc:
                ss["unggah_batal_galat"] = (r["id"], str(exc))
            else:
                ui.hapus_cache()
                ss["unggah_pesan"] = {"teks": teks, "dataset": [r["dataset"]]}
            st.rerun()


if sorot is not None:
    r_sorot = baca_impor(sorot, kunci)
    if r_sorot is None:
        st.warning(f"Impor #{sorot} tidak ada di riwayat.", icon=":material/search_off:")
    else:
        with st.container(border=True):
            with st.container(horizontal=True, vertical_alignment="center"):
                st.caption(f"Impor #{sorot} yang dituju tautan. Unduh berkas aslinya atau batalkan impor ini di "
                           "**Riwayat impor** di bawah (sudah terpilih).")
                if st.button("Tutup", icon=":material/close:", key="unggah_sorot_tutup"):
                    ss.pop("unggah_impor", None)
                    st.query_params.pop("impor", None)
                    st.rerun()
            rincian(r_sorot, aksi=False)

tab_berkas, tab_isian, tab_templat = st.tabs(["Unggah berkas", f"Isi manual IKU {fmt.triwulan(tw)} {tahun}",
                                              "Templat dan urutan memuat"])
rows_riwayat = baca_riwayat(kec["id"], kunci)

# ---------------------------------------------------------------- upload a file

with tab_berkas:
    st.markdown("##### 1. Pilih jenis data")
    ds = st.selectbox("Jenis data", u.DATASET_URUT, format_func=u.JUDUL_DATASET.get, key="unggah_dataset")
    st.caption(u.SUMBER_DATASET[ds])
    with st.expander("Kolom yang dikenali dan templat berkas", icon=":material/table_view:"):
        st.caption("Judul kolom dicocokkan tanpa memedulikan huruf besar, spasi dan tanda baca. Templat berisi "
                   "contoh baris; berkas XLSX memuat lembar 'Penjelasan' untuk setiap kolom.")
        ui.tabel(u.tabel_kolom(ds), lebar={"Arti": "large"})
        tombol_templat(ds, "berkas")

    st.markdown("##### 2. Unggah berkas")
    nama_kec = [k["nama"] for k in semua_kec]
    with st.expander("Pilihan impor (bawaan sudah sesuai untuk kebanyakan berkas)", icon=":material/tune:"):
        kiri, tengah, kanan = st.columns(3)
        kecamatan_pilih = nama
        tahun_pilih = tw_pilih = 0
        with kiri:
            if ds != "skala":
                pilihan = [*nama_kec, ""]
                kecamatan_pilih = st.selectbox(
                    "Kecamatan", pilihan, index=pilihan.index(nama), key=f"unggah_kecamatan_{nama}",
                    format_func=lambda n: n or "Sesuai kolom kecamatan di berkas",
                    help="Berkas se-kabupaten berisi beberapa kecamatan (kolom 'kecamatan'): pilih 'Sesuai kolom "
                         "kecamatan di berkas'.")
                # 0 = from the file, else the frame's (a None option would show as an empty, clearable box).
                tahun_pilih = st.selectbox(
                    "Tahun", [0, *range(tahun + 1, tahun - 6, -1)], key=f"unggah_tahun_{tahun}",
                    format_func=lambda t: str(t) if t else f"Dari berkas (atau {tahun})",
                    help=f"Dari berkas: kolom tahun, tahun di judul kolom atau di judul laporan; bila tidak ada, "
                         f"{tahun} dari bingkai di samping. Pilih tahun untuk menimpa.")
            if ds in u.PAKAI_TRIWULAN:
                tw_pilih = st.selectbox(
                    "Triwulan", [0, 1, 2, 3, 4], key=f"unggah_tw_{tw}",
                    format_func=lambda t: fmt.triwulan(t) if t else f"Dari berkas (atau {fmt.triwulan(tw)})",
                    help=f"Dari berkas: kolom triwulan atau triwulan di judul kolom (Realisasi s.d. TW II); bila "
                         f"tidak ada, {fmt.triwulan(tw)} dari bingkai di samping. Pilih triwulan untuk menimpa.")
        with tengah:
            gaya = st.radio("Gaya angka di berkas", list(u.GAYA_ANGKA), format_func=u.GAYA_ANGKA.get,
                            key="unggah_gaya",
                            help="Hanya untuk angka yang meragukan (3.907): angka yang jelas (1.234,5 atau 1,234.5) "
                                 "selalu terbaca benar.")
            per_tw = False
            mode = "ganti"
            if ds == "anggaran":
                per_tw = st.radio("Angka realisasi", [False, True], key="unggah_per_tw",
                                  format_func=lambda x: "per triwulan (tabel monev)" if x else
                                  "kumulatif s.d. triwulan (seperti SIPD)") is True
            if ds == "skm":
                mode = st.radio("Jawaban triwulan yang sudah ada", list(u.MODE_SKM), format_func=u.MODE_SKM.get,
                                key="unggah_mode")
            periode_skm = None
            if ds in ("skm", "skm-rekap"):
                periode_skm = st.selectbox("Periode survei", list(u.PERIODE_SKM), format_func=u.PERIODE_SKM.get,
                                       key="unggah_periode",
                                       help="Untuk survei tahunan atau per semester yang berkasnya tidak menyebut "
                                            "periodenya (kolom periode, 'Semester I' di kolom triwulan, atau judul).")
        with kanan:
            peta_list = baca_pemetaan(ds, kunci)
            peta_nama = st.selectbox("Pemetaan kolom tersimpan", ["", *peta_list], key=f"unggah_peta_nama_{ds}",
                                     format_func=lambda n: n or "Tidak ada (kenali otomatis)",
                                     help="Pemetaan judul kolom yang pernah Anda simpan untuk jenis data ini.")
    berkas = st.file_uploader(
        f"Berkas CSV atau Excel (.xlsx), paling besar {fmt.angka_ringkas(maks_mb)} MB",
        key=f"unggah_berkas_{ss.get('unggah_berkas_n', 0)}",
        help="Batas ukuran diatur di halaman Pengaturan, tab Unggahan.")

    if berkas is None:
        ui.kosong("Belum ada berkas dipilih.", "Pilih jenis data, lalu seret berkasnya ke kotak di atas atau klik "
                  "**Upload**. Berkas diperiksa lebih dulu; tidak ada yang disimpan sebelum Anda menekan "
                  "**Simpan**.")
    else:
        isi = berkas.getvalue()
        if ss.get("unggah_lembar_ada", (None,))[0] != berkas.file_id:  # read the workbook's sheets once
            ss["unggah_lembar_ada"] = (berkas.file_id, u.daftar_lembar(isi, berkas.name))
        lembar_ada = ss["unggah_lembar_ada"][1]
        lembar = None
        if len(lembar_ada) > 1:
            lembar = st.selectbox("Lembar (sheet) yang diimpor", lembar_ada, key=f"unggah_lembar_{berkas.file_id}",
                                  help="Berkas Excel ini punya beberapa lembar; bawaannya lembar pertama.")
        kunci_peta = f"unggah_peta_{berkas.file_id}_{ds}"
        header_lalu = ss.get(kunci_peta + "_header", [])
        manual = {h: (ss.get(f"{kunci_peta}_{i}") or None) for i, h in enumerate(header_lalu)
                  if f"{kunci_peta}_{i}" in ss}
        manual_isi = {h: k for h, k in manual.items() if k}
        pemetaan = peta_nama or None
        if manual_isi:
            pemetaan = {**(baca_isi_pemetaan(ds, peta_nama, kunci) if peta_nama else {}), **manual}
        opsi = u.Opsi(ds, kecamatan_pilih or None, tahun_pilih or None, tw_pilih or None, lembar, pemetaan, per_tw,
                      mode, gaya, periode_skm)

        kunci_cek = (berkas.file_id, berkas.name, opsi.kunci(), tahun, tw, kunci)
        tersimpan = ss.get("unggah_cek")
        if tersimpan and tersimpan[0] == kunci_cek:
            pem = tersimpan[1]
        else:
            with st.spinner("Memeriksa berkas…"):
                pem = u.periksa(isi, berkas.name, opsi, tahun_frame=tahun, triwulan_frame=tw)
            dicatat = ss.setdefault("unggah_dicatat", {})
            if pem.hasil is not None and pem.hasil.status == "ditolak":
                # The rejected attempt is logged (formats.md §1), once per file and dataset in a session: trying
                # other options (a mapping, the number style) on the same file does not log each try.
                tanda = (pem.hasil.sha256, ds)
                if tanda not in dicatat:
                    hasil, _ = u.simpan(pem, isi, berkas.name, pengguna=ui.pelaku())
                    dicatat[tanda] = hasil.import_id if hasil else None
                    ui.hapus_cache()
                    kunci = ui.kunci()
                    rows_riwayat = baca_riwayat(kec["id"], kunci)
                pem.hasil.import_id = dicatat[tanda]
            ss["unggah_cek"] = ((berkas.file_id, berkas.name, opsi.kunci(), tahun, tw, kunci), pem)

        st.markdown("##### 3. Hasil pemeriksaan")
        if pem.tolak:
            st.error(f"Berkas ditolak: {fmt.md(pem.tolak)}", icon=":material/block:")
            st.caption("Tidak ada data yang disimpan. Perbaiki berkas (atau pilihan impor) lalu unggah lagi.")
        else:
            p = pem.persiapan
            h = pem.hasil
            st.caption(f"Terbaca: {fmt.md(u.uraian_format(p))}")
            mirip = u.dataset_mirip(p)
            if mirip:
                with st.container(horizontal=True, vertical_alignment="center"):
                    st.warning(fmt.md(mirip), icon=":material/swap_horiz:")
                    st.button(f"Periksa sebagai {u.JUDUL_DATASET[p.mirip]}", key="unggah_ganti_dataset",
                              on_click=lambda: ss.update(unggah_dataset=p.mirip))
            st.markdown("Disimpan untuk: " + " · ".join(u.uraian_periode(pem)))
            for c in p.catatan:
                st.caption(fmt.md(c))
            diabaikan = u.kolom_diabaikan(p)
            if diabaikan:
                st.caption(f"{fmt.md(diabaikan)} Bila ada yang perlu diimpor, petakan di bagian Pemetaan kolom di "
                           "bawah.")
            sama = u.impor_sama(rows_riwayat, p.sha256)
            if sama is not None and not pem.galat:
                st.info(f"Berkas yang sama persis sudah diimpor pada {u.waktu_lokal(sama['waktu'])} (impor "
                        f"#{sama['id']}).", icon=":material/content_copy:")

            df_peta = u.tabel_pemetaan(p, manual_isi, baca_isi_pemetaan(ds, peta_nama, kunci) if peta_nama else None)
            diabaikan = int((df_peta["Dibaca sebagai"] == "diabaikan").sum())
            judul_peta = (f"Pemetaan kolom: {len(p.pemetaan)} dikenali, {diabaikan} diabaikan"
                          + (f", **{len(p.wajib_hilang)} kolom wajib tidak ada**" if p.wajib_hilang else ""))
            with st.expander(judul_peta, expanded=bool(p.wajib_hilang or manual_isi), icon=":material/view_column:"):
                ui.tabel(df_peta, lebar={"Keterangan": "large"})
                bisa = u.header_manual(p, manual_isi)
                ss[kunci_peta + "_header"] = list(p.header)
                if bisa:
                    st.markdown("**Petakan kolom yang tidak dikenali**")
                    st.caption("Pilih kolom tujuan untuk judul berkas yang perlu diimpor; biarkan '(diabaikan)' "
                               "untuk kolom yang tidak dipakai.")
                    pilihan = u.pilihan_kolom(ds)
                    cols = st.columns(2)
                    for j, hdr in enumerate(bisa):
                        i = p.header.index(hdr)
                        with cols[j % 2]:
                            st.selectbox(f"'{fmt.md(hdr)}' dibaca sebagai", pilihan, key=f"{kunci_peta}_{i}",
                                         format_func=lambda k: u.label_kolom(ds, k))
                if manual_isi:
                    with st.container(horizontal=True, vertical_alignment="bottom"):
                        nama_peta = st.text_input("Simpan pemetaan ini dengan nama", key="unggah_peta_simpan_nama",
                                                  placeholder="mis. Ekspor SIPD Bati-Bati")
                        if st.button("Simpan pemetaan", icon=":material/bookmark_add:", key="unggah_peta_simpan"):
                            try:
                                with ui.sesi() as s:
                                    simpan_pemetaan(s, nama_peta, ds, manual, pengguna=ui.pelaku())
                            except (ImporError, AksesDitolak) as exc:
                                st.error(fmt.md(exc), icon=":material/error:")
                            else:
                                ui.hapus_cache()
                                st.success(f"Pemetaan '{fmt.md(nama_peta.strip())}' disimpan; pilih di 'Pilihan impor' "
                                           "untuk berkas berikutnya.", icon=":material/check_circle:")

            if pem.galat:
                nomor = (f" Percobaan dengan berkas ini tercatat di riwayat sebagai impor #{h.import_id} "
                         "(ditolak)." if h.import_id else "")
                st.error(f"Berkas ditolak: {len(pem.galat)} galat. Tidak ada data yang disimpan. Perbaiki berkas "
                         f"lalu unggah lagi.{nomor}", icon=":material/block:")
                df_galat = u.tabel_galat(pem.galat)
                ui.tabel(df_galat, lebar={"Pesan": "large"})
                ui.unduh_csv(df_galat, f"galat_{berkas.name}.csv", key="unggah_unduh_galat", label="Unduh daftar galat")
                with st.expander("Pratinjau baris yang terbaca"):
                    ui.tabel(u.tabel_pratinjau(p, 10))
            else:
                c = u.hitungan(h)
                with st.container(horizontal=True):
                    for label in ("Baris dibaca", "Baru", "Berubah", "Tetap"):
                        st.metric(label, fmt.angka(c[label], 0), border=True)
                if u.tidak_mengubah(h):
                    st.info("Semua baris sama dengan data yang sudah tersimpan: menyimpan berkas ini tidak mengubah "
                            "data.", icon=":material/info:")
                if h.peringatan:
                    st.warning(f"{len(h.peringatan)} peringatan data. Peringatan tidak menghalangi penyimpanan; "
                               "periksa apakah angkanya memang demikian.", icon=":material/report:")
                    st.dataframe(u.tabel_peringatan_impor(h.peringatan), width="stretch", hide_index=True)
                else:
                    st.success("Tidak ada galat maupun peringatan data.", icon=":material/check_circle:")
                st.markdown(f"**Pratinjau**: {min(10, len(p.data))} baris pertama dari "
                            f"{fmt.angka(len(p.data), 0)}, seperti akan disimpan")
                ui.tabel(u.tabel_pratinjau(p, 10))
                if st.button("Simpan ke basis data", type="primary", icon=":material/save:", key="unggah_simpan"):
                    with st.status("Menyimpan…", expanded=True) as status:
                        bar = st.progress(0.1, text="Membaca dan memeriksa ulang berkas…")
                        hasil, tolak = u.simpan(pem, isi, berkas.name, pengguna=ui.pelaku())
                        bar.progress(1.0, text="Selesai.")
                        ok = hasil is not None and hasil.status == "berhasil"
                        status.update(label="Tersimpan." if ok else "Tidak disimpan.",
                                      state="complete" if ok else "error")
                    ui.hapus_cache()
                    if ok:
                        ss["unggah_pesan"] = {"teks": u.pesan_berhasil(hasil), "dataset": [ds],
                                              "peringatan": len(hasil.peringatan)}
                        ss["unggah_berkas_n"] = ss.get("unggah_berkas_n", 0) + 1
                        ss["unggah_pilih"] = hasil.import_id
                        ss.pop("unggah_cek", None)
                        st.rerun()
                    elif tolak:
                        st.error(f"Tidak disimpan: {fmt.md(tolak)}", icon=":material/block:")
                    else:
                        st.error(f"Tidak disimpan: data berubah sejak diperiksa, dan berkas kini ditolak "
                                 f"({len(hasil.galat)} galat; impor #{hasil.import_id}).", icon=":material/block:")
                        ui.tabel(u.tabel_galat(hasil.galat), lebar={"Pesan": "large"})

# ---------------------------------------------------------------- manual entry

with tab_isian:
    asli = u.tabel_isian(periode, tahun, tw)
    if asli.empty:
        ui.kosong(f"Belum ada indikator untuk tahun {tahun} di Kecamatan {fmt.md(nama)}.",
                  "Unggah daftar indikator (IKU) dan targetnya di tab **Unggah berkas** (jenis data: Indikator), "
                  "lalu isi realisasinya di sini.")
    else:
        st.caption(f"Ubah target dan realisasi {fmt.triwulan(tw)} {tahun} langsung di tabel, lalu tekan **Simpan "
                   "isian**. Tulis angka seperti biasa (87,5 atau 1.234,5); kosongkan sel untuk 'belum diukur'. "
                   "Isian diperiksa dengan aturan yang sama seperti berkas dan tercatat di riwayat sebagai impor "
                   "manual yang dapat dibatalkan. Triwulan lain: ganti triwulan di bingkai samping.")
        kolom = u.kolom_isian(tw)
        konfigurasi = {"Kode": st.column_config.TextColumn(width="small"),
                       "Indikator": st.column_config.TextColumn(width=300),
                       "Satuan": st.column_config.TextColumn(width="small"),
                       "Keterangan": st.column_config.TextColumn(width="medium", max_chars=2000)}
        for label in list(kolom)[:3]:
            konfigurasi[label] = st.column_config.TextColumn(width=140, help=f"{label}; angka gaya Indonesia")
        kunci_editor = f"unggah_isian_{nama}_{tahun}_{tw}_{ss.get('unggah_isian_n', 0)}"
        baru = st.data_editor(asli, key=kunci_editor, hide_index=True, num_rows="fixed", width="stretch",
                              disabled=["Kode", "Indikator", "Satuan"], column_config=konfigurasi)
        isian = u.isian_berubah(periode, tahun, tw, asli, baru)
        n_ubah = len({pos for v in isian.posisi.values() for pos in v})
        st.caption(f"{n_ubah} indikator diubah." if n_ubah else "Belum ada perubahan.")
        if st.button("Simpan isian", type="primary", icon=":material/save:", disabled=isian.kosong(),
                     key="unggah_isian_simpan"):
            with st.spinner("Memeriksa dan menyimpan…"):
                hasil_isian = u.simpan_isian(isian, asli, kecamatan=nama, tahun=tahun, tw=tw)
            ui.hapus_cache()
            if hasil_isian.berhasil:
                teks = " ".join(u.pesan_berhasil(h) for h in hasil_isian.hasil.values())
                ss["unggah_pesan"] = {"teks": f"Isian manual tersimpan. {teks}", "dataset": ["realisasi"],
                                      "peringatan": sum(len(h.peringatan) for h in hasil_isian.hasil.values())}
                ss["unggah_isian_n"] = ss.get("unggah_isian_n", 0) + 1
                ss.pop("unggah_isian_galat", None)
                st.rerun()
            ss["unggah_isian_galat"] = hasil_isian.galat if hasil_isian.galat is not None else hasil_isian.tolak
        galat_isian = ss.get("unggah_isian_galat")
        if isinstance(galat_isian, str):
            st.error(f"Isian tidak disimpan: {fmt.md(galat_isian)}", icon=":material/block:")
        elif galat_isian is not None:
            st.error(f"Isian tidak disimpan: {len(galat_isian)} galat. Perbaiki sel yang disebut lalu simpan lagi; "
                     "tidak ada data yang berubah.", icon=":material/block:")
            ui.tabel(galat_isian, lebar={"Pesan": "large"})

# ---------------------------------------------------------------- templates

with tab_templat:
    st.markdown("Untuk kecamatan baru, muat data dengan urutan ini (indikator **sebelum** realisasinya). Setiap "
                "templat berisi contoh baris; templat XLSX memuat lembar **Penjelasan** untuk setiap kolom. "
                "Berkas ekspor SIPD/FMIS, e-kinerja atau Google Forms biasanya dapat diunggah apa adanya.")
    for n, d in enumerate(u.DATASET_URUT, start=1):
        with st.container(border=True):
            st.markdown(f"**{n}. {u.JUDUL_DATASET[d]}**")
            st.caption(u.SUMBER_DATASET[d])
            tombol_templat(d, "tab")

# ---------------------------------------------------------------- the import history

st.divider()
st.subheader("Riwayat impor")
rows = list(rows_riwayat)
if sorot is not None and all(r["id"] != sorot for r in rows):
    r_sorot = baca_impor(sorot, kunci)
    if r_sorot is not None:
        rows = [r_sorot, *rows]
if not rows:
    ui.kosong(f"Belum ada impor untuk Kecamatan {fmt.md(nama)}.", "Unggah berkas pertama di bagian atas halaman ini.")
else:
    st.caption(f"Impor Kecamatan {fmt.md(nama)} dan impor se-kabupaten, terbaru di atas (paling banyak 200). "
               "Waktu menurut server.")
    saring = st.segmented_control("Tampilkan", ["semua", "berhasil", "ditolak", "dibatalkan"], default="semua",
                                  key="unggah_saring") or "semua"
    tampil = [r for r in rows if saring == "semua" or r["status"] == saring or r["id"] == sorot]
    df_riwayat = u.tabel_riwayat(tampil, sorot)
    ui.tabel(df_riwayat, tinggi=min(420, 38 + 35 * len(df_riwayat)),
             lebar={"No.": 60, "Status": 95, "Data": 95, "Berkas": "medium", "Dibaca": 70, "Baru": 60, "Berubah": 75,
                    "Tetap": 60, "Ditolak": 70, "Peringatan": 90})
    ui.unduh_csv(publik(df_riwayat), f"riwayat_impor_{nama}.csv", key="unggah_unduh_riwayat",
                 label="Unduh riwayat (CSV)")
    if tampil:
        ids = [r["id"] for r in tampil]
        if sorot is not None and ss.get("unggah_sorot_dipakai") != sorot and sorot in ids:
            ss["unggah_pilih"] = sorot
            ss["unggah_sorot_dipakai"] = sorot
        if ss.get("unggah_pilih") not in ids:
            ss["unggah_pilih"] = ids[0]
        per_id = {r["id"]: r for r in tampil}
        label = {i: u.label_impor(per_id[i]) for i in ids}
        # The browser keeps an option's old label while its value stays selected (an import just undone would
        # still read "berhasil"): the widget is keyed by its labels, the chosen import kept in `unggah_pilih`.
        kunci_pilih = f"unggah_pilih_{u.versi_label(label.values())}"
        ss[kunci_pilih] = ss["unggah_pilih"]
        st.markdown("**Rincian, berkas asli dan pembatalan**")
        pilih = st.selectbox("Pilih impor", ids, key=kunci_pilih, format_func=label.get,
                             on_change=lambda: ss.update(unggah_pilih=ss[kunci_pilih]),
                             help="Impor dibatalkan dari yang terbaru: impor yang datanya sudah diubah impor lain "
                                  "baru dapat dibatalkan setelah impor itu dibatalkan.")
        with st.container(border=True):
            rincian(per_id[pilih], aksi=True)
