"""Pengaturan: category scales, calculation methods, desa and SKM settings, master data, and the change log.

A setting applies to every kecamatan, or only to the chosen one (an override that can be removed).
Every write goes through `dashboard.pengaturan` / `dashboard.kelola` (validated, logged) and then
clears the caches, so that every page and export shows the change at once.
"""

from datetime import date

import streamlit as st
from sqlalchemy.exc import DBAPIError

from dashboard import desa as desa_f
from dashboard import efisiensi as efisiensi_f
from dashboard import format as fmt
from dashboard import kelola
from dashboard import pengaturan as peng
from dashboard import ui
from dashboard import ui_akun
from dashboard.basisdata import pesan_galat
from dashboard.akun import AkunError, AksesDitolak
from dashboard.pengaturan import PengaturanError



@st.cache_data(show_spinner=False, max_entries=16)
def keadaan(kecamatan_id: int, kunci: str) -> dict:
    with ui.sesi() as s:
        umum, khusus = kelola.tersimpan(s, kecamatan_id)
        return {"umum": umum, "khusus": khusus, "skala": kelola.daftar_skala(s),
                "log": kelola.log_pengaturan(s), "desa": kelola.desa_kecamatan(s, kecamatan_id)}


def tulis(aksi, pesan: str, sesudah=None, kunci=None) -> None:
    """Run one write in a transaction; a PengaturanError (or an account error, a refusal) is shown and nothing
    is written.

    `aksi(session)` returns False when there was nothing to change.
    """
    try:
        with ui.sesi(kunci=kunci or peng.KUNCI_TULIS) as s:
            berubah = aksi(s)
    except (PengaturanError, AkunError, AksesDitolak) as exc:
        st.error(f"Tidak disimpan: {fmt.md(exc)}", icon=":material/error:")
        return
    except DBAPIError as exc:  # a full disk, a read-only database…: the cause, next to the form
        if pesan_galat(exc) is None:
            raise
        st.error(f"Tidak disimpan: {pesan_galat(exc)}", icon=":material/error:")
        return
    if berubah is False:
        st.info("Tidak ada yang berubah.", icon=":material/info:")
        return
    ui.hapus_cache()
    if sesudah:
        sesudah()
    st.session_state["pengaturan_pesan"] = pesan
    st.rerun()


def bagian_cadangan() -> None:
    """Backups (dashboard/cadangan.py): download one, check one, restore one into an empty database."""
    from dashboard import cadangan

    st.markdown("**Unduh cadangan**")
    st.caption("Satu berkas ZIP berisi setiap tabel sebagai CSV dan berkas asli setiap impor, dengan manifest "
               "(revisi skema, jumlah baris, SHA-256 setiap berkas). Simpan di luar server. Dari baris perintah: "
               "`python -m dashboard backup --out cadangan.zip`.")
    st.download_button("Buat dan unduh cadangan", data=lambda: cadangan.buat_cadangan(engine=ui.mesin(), pengguna=ui.pelaku()),
                       file_name=f"pantau-triwulan-cadangan-{date.today().isoformat()}.zip",
                       mime="application/zip", icon=":material/backup:", key="pengaturan_unduh_cadangan")
    ui.periksa_pulihkan(ui.pelaku())


frame = ui.perlu_frame()
if frame is None:
    if pesan := st.session_state.pop("pengaturan_pesan", None):
        st.success(pesan, icon=":material/check_circle:")
    else:
        ui.periksa_pulihkan(ui.pelaku())  # a new, empty server can start from an office's backup
    st.stop()
nama, tahun, tw = frame
kec = ui.baca_kecamatan()
kid = next(k["id"] for k in kec if k["nama"] == nama)
kab = next(k["kabupaten"] for k in kec if k["nama"] == nama)
data = keadaan(kid, ui.kunci())
umum, khusus = data["umum"], data["khusus"]

st.title("Pengaturan")
st.caption("Perubahan berlaku langsung di semua halaman, ringkasan, dan unduhan. Setiap perubahan tercatat di "
           "**Riwayat perubahan**.")
pesan = st.session_state.pop("pengaturan_pesan", None)
if pesan:
    st.success(pesan, icon=":material/check_circle:")

LINGKUP = {"semua": "Semua kecamatan", "kecamatan": f"Hanya Kecamatan {fmt.md(nama)}"}
lingkup = st.radio("Ubah pengaturan untuk", list(LINGKUP), format_func=LINGKUP.get, horizontal=True,
                   key="pengaturan_lingkup",
                   help="Nilai untuk semua kecamatan berlaku bagi setiap kecamatan yang tidak punya nilai khususnya "
                        "sendiri. Nilai khusus dapat dihapus kapan saja.")
khusus_kec = lingkup == "kecamatan"
kid_tulis = kid if khusus_kec else 0
sasaran = f"Kecamatan {fmt.md(nama)}" if khusus_kec else "semua kecamatan"


def nilai(kunci: str) -> str:
    return kelola.nilai_lingkup(kunci, umum, khusus, khusus_kec)


def simpan_nilai(baru: dict[str, str]) -> None:
    """Save one form's values at the chosen scope. For a kecamatan, a value equal to the common one
    removes its override (the kecamatan follows the common value again)."""
    def aksi(s) -> bool:
        berubah = False
        for k, v in baru.items():
            v = peng.validasi(s, k, v)
            nilai_umum = umum.get(k, peng.DEFAULTS[k])
            if khusus_kec and v == nilai_umum:
                if k in khusus:
                    peng.hapus(s, k, kecamatan_id=kid, pengguna=ui.pelaku())
                    berubah = True
            elif (khusus.get(k) if khusus_kec else nilai_umum) != v:
                peng.simpan(s, k, v, kecamatan_id=kid_tulis, pengguna=ui.pelaku())
                berubah = True
        return berubah

    tulis(aksi, f"Pengaturan disimpan untuk {sasaran}.")


def kunci_widget(nama_widget: str) -> str:
    return f"pengaturan_{nama_widget}_{kid_tulis}"


# ---------------------------------------------------------------- sections

def bagian_berlaku() -> None:
    st.markdown(f"**Yang berlaku untuk Kecamatan {fmt.md(nama)}**")
    df = kelola.tabel_pengaturan(umum, khusus, nama)
    ui.tabel(df, tinggi=36 * (len(df) + 1) + 3, lebar={"Pengaturan": 280, "Asal": 150})
    if not khusus:
        st.caption(f"Kecamatan {fmt.md(nama)} tidak punya pengaturan khusus: semua nilai mengikuti nilai umum.")
        return
    st.markdown(f"**Pengaturan khusus Kecamatan {fmt.md(nama)}**")
    for k in khusus:
        kiri, kanan = st.columns([3, 1], vertical_alignment="center")
        with kiri:
            st.markdown(f"{kelola.label(k)}: **{fmt.md(kelola.tampil_nilai(k, khusus[k]))}** "
                        f"(nilai umum: {fmt.md(kelola.tampil_nilai(k, umum.get(k, peng.DEFAULTS[k])))})")
        with kanan:
            if st.button("Hapus, pakai nilai umum", key=f"pengaturan_hapus_{k}", icon=":material/undo:"):
                tulis(lambda s, k=k: peng.hapus(s, k, kecamatan_id=kid, pengguna=ui.pelaku()),
                      f"Pengaturan khusus {kelola.label(k)} Kecamatan {fmt.md(nama)} dihapus; nilai umum berlaku.")


def bagian_skala() -> None:
    skala = data["skala"]
    nama_skala = list(skala)
    with st.form(kunci_widget("form_skala")):
        st.markdown(f"**Skala yang dipakai** untuk {sasaran}")
        a, b = st.columns(2)
        with a:
            capaian = st.selectbox("Skala capaian IKU", nama_skala, index=_indeks(nama_skala, nilai("skala_capaian")),
                                   key=kunci_widget("skala_capaian"))
        with b:
            serapan = st.selectbox("Skala serapan anggaran", nama_skala,
                                   index=_indeks(nama_skala, nilai("skala_serapan")), key=kunci_widget("skala_serapan"))
        if st.form_submit_button("Simpan pilihan skala", type="primary"):
            simpan_nilai({"skala_capaian": capaian, "skala_serapan": serapan})
    a, b = st.columns(2)
    for kolom, judul, k in ((a, "Skala capaian IKU yang berlaku", "skala_capaian"),
                            (b, "Skala serapan yang berlaku", "skala_serapan")):
        with kolom:
            st.markdown(f"{judul}: **{fmt.md(nilai(k))}**")
            ui.tabel(kelola.tabel_skala(skala.get(nilai(k), [])))

    st.markdown("**Skala sendiri**")
    st.caption("Setiap rentang: batas bawah, apakah batas itu sendiri termasuk (inklusif), label dan warna "
               "(kode #RRGGBB). Nilai masuk ke rentang tertinggi yang batasnya terpenuhi; rentang terendah juga "
               "menampung semua nilai di bawahnya. Skala bawaan tidak dapat diubah: simpan salinannya dengan nama "
               "lain.")
    dasar = st.selectbox("Mulai dari skala", nama_skala, key="pengaturan_skala_dasar")
    with st.form("pengaturan_form_skala_sendiri"):
        nama_baru = st.text_input("Nama skala", value="" if dasar in kelola.PRESETS else dasar,
                                  key=f"pengaturan_skala_nama_{dasar}",
                                  placeholder="mis. Skala Kabupaten 2026")
        df = st.data_editor(
            kelola.editor_skala(skala[dasar]), num_rows="dynamic", hide_index=True, width="stretch",
            key=f"pengaturan_skala_editor_{dasar}",
            column_config={
                "batas_bawah": st.column_config.TextColumn("Batas bawah", required=True, help="mis. 90 atau 79,63"),
                "inklusif": st.column_config.CheckboxColumn("Inklusif (≥)", default=True,
                                                            help="Centang: batas itu sendiri termasuk rentang ini."),
                "label": st.column_config.TextColumn("Label", required=True),
                "warna": st.column_config.TextColumn("Warna", help="Kode warna, mis. #1b7f3b", default="#9e9e9e"),
            })
        if st.form_submit_button("Simpan skala", icon=":material/save:"):
            bands, masalah = kelola.bands_dari_editor(df)
            if masalah:
                st.error("Skala belum dapat disimpan:\n\n" + "\n".join(f"- {fmt.md(m)}" for m in dict.fromkeys(masalah)),
                         icon=":material/error:")
            else:
                tulis(lambda s: kelola.simpan_skala(s, nama_baru, bands, pengguna=ui.pelaku()),
                      f"Skala '{fmt.md(nama_baru.strip())}' disimpan; pilih di atas untuk memakainya.")


def _indeks(pilihan: list, nilai_sekarang) -> int:
    return pilihan.index(nilai_sekarang) if nilai_sekarang in pilihan else 0


def bagian_perhitungan() -> None:
    with st.form(kunci_widget("form_perhitungan")):
        st.markdown(f"**Cara menghitung** untuk {sasaran}")
        metode = st.radio("Metode efisiensi", list(efisiensi_f.METODE), format_func=efisiensi_f.METODE.get,
                          index=_indeks(list(efisiensi_f.METODE), nilai("efisiensi_metode")),
                          key=kunci_widget("efisiensi_metode"),
                          help="Tanah Laut: laporan Bajuin dan Pelaihari 2025. Selisih: laporan Bati-Bati 2024. "
                               "Rasio: dipakai kabupaten lain (100 = sepadan).")
        bobot = st.radio("Bobot NRR dalam IKM", list(kelola.PILIHAN_BOBOT), format_func=kelola.PILIHAN_BOBOT.get,
                         index=_indeks(list(kelola.PILIHAN_BOBOT), nilai("bobot_ikm")), key=kunci_widget("bobot_ikm"),
                         help="0,111 membuat survei sempurna bernilai 99,9 (bukan 100), seperti di laporan lama.")
        batas = st.radio("Batas capaian saat dirata-ratakan", list(kelola.PILIHAN_BATAS_CAPAIAN),
                         format_func=kelola.PILIHAN_BATAS_CAPAIAN.get,
                         index=_indeks(list(kelola.PILIHAN_BATAS_CAPAIAN), nilai("batas_capaian")),
                         key=kunci_widget("batas_capaian"),
                         help="Capaian yang ditampilkan tetap angka sebenarnya; batas hanya dipakai untuk rata-rata.")
        if st.form_submit_button("Simpan cara menghitung", type="primary"):
            simpan_nilai({"efisiensi_metode": metode, "bobot_ikm": bobot, "batas_capaian": batas})


def bagian_desa() -> None:
    skema_list = list(desa_f.SKEMA)
    with st.form(kunci_widget("form_skema")):
        st.markdown(f"**Skema status desa** untuk {sasaran}")
        skema = st.radio("Skema", skema_list, format_func=lambda s: desa_f.SKEMA[s][0],
                         index=_indeks(skema_list, nilai("skema_desa")), key=kunci_widget("skema_desa"))
        if st.form_submit_button("Simpan skema", type="primary"):
            simpan_nilai({"skema_desa": skema})
    aktif = nilai("skema_desa")
    k_ambang = f"ambang_{aktif}"
    with st.form(kunci_widget(f"form_{k_ambang}")):
        st.markdown(f"**Ambang status** {desa_f.SKEMA[aktif][0]} untuk {sasaran}")
        st.caption("Skor dibulatkan dulu (2 desimal, IDM 4 desimal), lalu dibandingkan dengan ambang; di bawah ambang "
                   "Tertinggal berstatus Sangat Tertinggal.")
        df = st.data_editor(kelola.editor_ambang(nilai(k_ambang)), hide_index=True, width="stretch",
                            disabled=["status"], key=kunci_widget(f"editor_{k_ambang}"),
                            column_config={
                                "status": st.column_config.TextColumn("Status"),
                                "batas_bawah": st.column_config.TextColumn("Batas bawah", required=True),
                                "inklusif": st.column_config.CheckboxColumn("Inklusif (≥)")})
        a, b = st.columns(2)
        with a:
            simpan = st.form_submit_button("Simpan ambang", type="primary")
        with b:
            bawaan = st.form_submit_button("Kembalikan ke ambang peraturan")
        if simpan:
            try:
                simpan_nilai({k_ambang: kelola.ambang_dari_editor(df)})
            except PengaturanError as exc:
                st.error(f"Tidak disimpan: {fmt.md(exc)}", icon=":material/error:")
        if bawaan:
            simpan_nilai({k_ambang: peng.DEFAULTS[k_ambang]})


def bagian_skm() -> None:
    with st.form(kunci_widget("form_skm")):
        st.markdown(f"**Unsur SKM** untuk {sasaran}")
        st.caption("Data selalu disimpan sebagai U1..U9; label dan urutan hanya mengubah tampilan dan pencocokan "
                   "kolom kuesioner.")
        df = st.data_editor(kelola.editor_unsur(nilai("unsur_label"), nilai("unsur_urutan")), hide_index=True,
                            width="stretch", disabled=["unsur"], key=kunci_widget("editor_unsur"),
                            column_config={
                                "unsur": st.column_config.TextColumn("Unsur"),
                                "label": st.column_config.TextColumn("Label", required=True),
                                "urutan": st.column_config.NumberColumn("Urutan tampil", min_value=1, max_value=9,
                                                                        step=1, required=True)})
        populasi = nilai("skm_populasi")
        jumlah = st.number_input("Jumlah pengguna layanan per tahun (populasi SKM)", min_value=0, step=1,
                                 value=int(populasi) if populasi else 0, key=kunci_widget("skm_populasi"),
                                 help="Untuk menghitung sampel minimum SKM (tabel Krejcie-Morgan). 0 = belum diisi.")
        if st.form_submit_button("Simpan pengaturan SKM", type="primary"):
            try:
                label, urutan = kelola.unsur_dari_editor(df)
            except PengaturanError as exc:
                st.error(f"Tidak disimpan: {fmt.md(exc)}", icon=":material/error:")
            else:
                simpan_nilai({"unsur_label": label, "unsur_urutan": urutan,
                              "skm_populasi": str(int(jumlah)) if jumlah else ""})


def bagian_unggahan() -> None:
    with st.form(kunci_widget("form_unggahan")):
        st.markdown(f"**Unggahan berkas** untuk {sasaran}")
        mb = st.number_input("Ukuran berkas unggahan maksimum (MB)", min_value=1.0, max_value=500.0, step=1.0,
                             value=float(nilai("ukuran_file_maks_mb")), key=kunci_widget("ukuran_file_maks_mb"))
        if st.form_submit_button("Simpan batas unggahan", type="primary"):
            simpan_nilai({"ukuran_file_maks_mb": f"{mb:g}"})


def bagian_templat_presentasi() -> None:
    """The PowerPoint template of the meeting deck (kabupaten-wide; see dashboard/ekspor/templat.py)."""
    ui.bagian_templat_pptx(ui.pelaku())


def bagian_data_induk() -> None:
    st.markdown("**Kecamatan**")
    ui.tabel(kelola.tabel_kecamatan(kec))
    a, b = st.columns(2)
    with a, st.form("pengaturan_form_kecamatan_tambah", clear_on_submit=True):
        st.markdown("Tambah kecamatan")
        baru = st.text_input("Nama kecamatan", key="pengaturan_kecamatan_baru")
        kab_baru = st.text_input("Kabupaten", value=kab, key="pengaturan_kecamatan_baru_kab")
        if st.form_submit_button("Tambah", icon=":material/add:"):
            tulis(lambda s: kelola.tambah_kecamatan(s, baru, kab_baru, pengguna=ui.pelaku()),
                  f"Kecamatan {fmt.md(baru.strip())} ditambahkan; pilih di samping untuk mengisi datanya.")
    with b, st.form(f"pengaturan_form_kecamatan_ubah_{kid}"):
        st.markdown(f"Ubah Kecamatan {fmt.md(nama)}")
        nama_ubah = st.text_input("Nama", value=nama, key=f"pengaturan_kecamatan_nama_{kid}")
        kab_ubah = st.text_input("Kabupaten", value=kab, key=f"pengaturan_kecamatan_kab_{kid}")
        if st.form_submit_button("Simpan perubahan", icon=":material/save:"):
            tulis(lambda s: kelola.ubah_kecamatan(s, kid, nama_ubah, kab_ubah, pengguna=ui.pelaku()),
                  f"Kecamatan {fmt.md(nama_ubah.strip())} (Kabupaten {fmt.md(kab_ubah.strip())}) disimpan.",
                  sesudah=lambda: st.session_state.update(kecamatan=nama_ubah.strip()))

    st.markdown(f"**Desa dan kelurahan Kecamatan {fmt.md(nama)}**")
    st.caption("Ubah jenis (desa/kelurahan) dan status definitif, atau tambah baris baru. Perubahan disimpan lewat "
               "impor manual, sehingga tercatat di riwayat impor dan dapat dibatalkan di halaman Unggah Data. "
               "Desa persiapan (definitif: tidak) dan kelurahan tidak dihitung dalam rasio desa mandiri.")
    lama = data["desa"]
    with st.form(f"pengaturan_form_desa_{kid}"):
        df = st.data_editor(
            lama, num_rows="add", hide_index=True, width="stretch", key=f"pengaturan_editor_desa_{kid}",
            column_config={
                "nama_desa": st.column_config.TextColumn("Nama desa", required=True),
                "kode_desa": st.column_config.TextColumn("Kode desa"),
                "jenis": st.column_config.SelectboxColumn("Jenis", options=["desa", "kelurahan"], default="desa",
                                                          required=True),
                "definitif": st.column_config.SelectboxColumn("Definitif", options=["ya", "tidak"], default="ya",
                                                              required=True,
                                                              help="tidak = desa persiapan")})
        if st.form_submit_button("Simpan daftar desa", icon=":material/save:"):
            simpan_desa(*kelola.desa_berubah(lama, df))


def simpan_desa(berubah, masalah: list[str]) -> None:
    if masalah:
        st.error("Tidak disimpan:\n\n" + "\n".join(f"- {fmt.md(m)}" for m in masalah), icon=":material/error:")
        return
    if berubah.empty:
        st.info("Tidak ada desa yang berubah.", icon=":material/info:")
        return
    from dashboard.impor import ImporError, impor_tabel

    try:
        hasil = impor_tabel("desa", berubah, nama_file="isian-manual-desa.csv", kecamatan=nama, pengguna=ui.pelaku())
    except ImporError as exc:
        st.error(f"Tidak disimpan: {fmt.md(exc)}", icon=":material/error:")
        return
    if hasil.galat:
        st.error("Tidak disimpan:\n\n" + "\n".join(f"- {fmt.md(g.pesan)}" for g in hasil.galat), icon=":material/error:")
        return
    ui.hapus_cache()
    st.session_state["pengaturan_pesan"] = f"Daftar desa Kecamatan {fmt.md(nama)} disimpan ({fmt.md(hasil.ringkas())})."
    st.rerun()


def bagian_riwayat() -> None:
    df = kelola.tabel_log(data["log"])
    if df.empty:
        ui.kosong("Belum ada perubahan pengaturan.", "Setiap perubahan di halaman ini akan tercatat di sini.")
        return
    st.caption(f"{len(df)} perubahan terakhir, yang terbaru di atas.")
    ui.tabel(df)


BAGIAN = {
    "Yang berlaku": [bagian_berlaku],
    "Skala kategori": [bagian_skala],
    "Cara menghitung": [bagian_perhitungan],
    "Desa": [bagian_desa],
    "SKM": [bagian_skm],
    "Unggahan": [bagian_unggahan, bagian_templat_presentasi],
    "Data induk": [bagian_data_induk],
    "Riwayat perubahan": [bagian_riwayat],
    "Cadangan": [bagian_cadangan],
    "Pengguna": [lambda: ui_akun.bagian_pengguna(tulis, [k["nama"] for k in kec])],
    "Audit": [lambda: ui_akun.bagian_audit(kec)],
}
for tab, fungsi in zip(st.tabs(list(BAGIAN)), BAGIAN.values()):
    with tab:
        for f in fungsi:
            f()
