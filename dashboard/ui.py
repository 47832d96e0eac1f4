"""The one Streamlit helper module: the sidebar frame, cached readers and shared widgets.

Pages stay thin: they read the frame (`periode_terpilih`), call the cached readers here (which
call `dashboard.*`), and render. The caches are keyed by a data revision (one cheap query per
run), so an import or a settings change by anyone, in any session, shows on every page.
"""

from __future__ import annotations

import functools
from datetime import date

import altair as alt
import streamlit as st

from dashboard import format as fmt
from models.db import database_url, get_engine, session_scope

KUNCI_FRAME = ("kecamatan", "tahun", "triwulan")


# ---------------------------------------------------------------- database and caches

def _engine():
    return get_engine(database_url())  # one engine per URL (lru_cache in models.db)


def mesin():
    """The database engine, for a page that hands it to a `dashboard` function (backup, restore)."""
    return _engine()


def revisi_data() -> tuple:
    """Changes whenever data or settings change, by anyone (`dashboard.data.revisi`)."""
    from dashboard.data import revisi

    with session_scope(_engine()) as s:
        return revisi(s)


def hapus_cache() -> None:
    """Call after any write (import, undo, settings): every page reads fresh data."""
    st.cache_data.clear()


def _kunci(rev: tuple) -> str:
    """The database and its revision as a cache-key argument: new data gives new cache entries."""
    return database_url() + "|" + ",".join(map(str, rev))


def kunci() -> str:
    """The cache key of the current data: pass it to every `st.cache_data` reader of a page."""
    return _kunci(revisi_data())


def sesi(kunci=None):
    """A database session (one transaction) for a page's cached reader: `with ui.sesi() as s: ...`; a write
    transaction with its write locks: `with ui.sesi(kunci=pengaturan.KUNCI_TULIS) as s: ...`."""
    return session_scope(_engine(), kunci=kunci)


def baca_periode(nama: str, tahun: int):
    return _periode(nama, tahun, kunci())


def baca_ringkasan(nama: str, tahun: int, triwulan: int) -> dict:
    return _ringkasan(nama, tahun, triwulan, kunci())


@st.cache_data(show_spinner="Membaca data…", max_entries=64)
def _periode(nama: str, tahun: int, rev: str):
    from dashboard.data import muat_satu

    with session_scope(_engine()) as s:
        return muat_satu(s, nama, tahun)


@st.cache_data(show_spinner=False, max_entries=256)
def _ringkasan(nama: str, tahun: int, triwulan: int, rev: str) -> dict:
    from dashboard.ringkasan import ringkasan as hitung

    return hitung(_periode(nama, tahun, rev), triwulan)


@st.cache_data(show_spinner=False, max_entries=64)
def _kecamatan(rev: str) -> list[dict]:
    from dashboard.data import kecamatan_list

    with session_scope(_engine()) as s:
        return kecamatan_list(s)


@st.cache_data(show_spinner=False, max_entries=256)
def _tahun(kecamatan_id: int, rev: str) -> list[int]:
    from dashboard.data import tahun_tersedia

    with session_scope(_engine()) as s:
        return tahun_tersedia(s, kecamatan_id)


def baca_kecamatan() -> list[dict]:
    """The kecamatan the logged-in user may read (every kecamatan for an admin or a kabupaten viewer)."""
    from dashboard.akun import kecamatan_terlihat

    return kecamatan_terlihat(pelaku(), _kecamatan(kunci()))


# ---------------------------------------------------------------- who is logged in (dashboard.akun)

KUKI = "pantau_sesi"  # the login cookie: the signed session token (no name, no password)
# Deliberately not "password"/"sandi" in session_state: only the token and the user (no secrets) are kept.
_SS_TOKEN, _SS_PELAKU = "_token_sesi", "_pelaku"


def pelaku():
    """The acting user of this browser session (the gate `gerbang` sets it before any page runs)."""
    from dashboard.akun import TAMU

    return st.session_state.get(_SS_PELAKU) or TAMU


def boleh(tindakan: str, kecamatan_id: int | None = None) -> bool:
    from dashboard.akun import boleh as _boleh

    return _boleh(pelaku(), tindakan, kecamatan_id)


def alamat() -> str | None:
    """The client's address where Streamlit exposes it; behind the README's nginx, the address nginx saw."""
    try:
        ip = st.context.ip_address
        maju = st.context.headers.get("X-Forwarded-For") or st.context.headers.get("X-Real-Ip")
    except Exception:  # no browser (AppTest)
        return None
    ip = ip if isinstance(ip, str) else None  # AppTest gives stand-ins, not addresses
    maju = maju if isinstance(maju, str) else None
    if maju and ip in (None, "127.0.0.1", "::1"):
        return maju.split(",")[-1].strip()[:64]
    return ip


@functools.lru_cache(maxsize=1)
def _penanda():
    """Signs the cookie (itsdangerous) with the server's key: PANTAU_KUNCI_SESI, else data/kunci_sesi (made once,
    readable by the server's user only). Replicas behind one address share the key through that variable."""
    import os
    import secrets
    from pathlib import Path

    from itsdangerous import URLSafeSerializer

    rahasia = os.environ.get("PANTAU_KUNCI_SESI")
    if not rahasia:
        berkas = Path(__file__).resolve().parent.parent / "data" / "kunci_sesi"
        if not berkas.exists():
            berkas.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(berkas, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another server process made it first
                pass
            else:
                with os.fdopen(fd, "w") as f:
                    f.write(secrets.token_hex(32))
        rahasia = berkas.read_text().strip()
    return URLSafeSerializer(rahasia, salt="pantau-sesi")


def _token_kuki() -> str | None:
    from itsdangerous import BadSignature

    try:
        nilai = st.context.cookies.get(KUKI)
    except Exception:
        return None
    if not nilai or not isinstance(nilai, str):
        return None
    try:
        return _penanda().loads(nilai)
    except BadSignature:
        return None


def _kuki_js(nilai: str | None) -> None:
    """Write (or clear) the login cookie in the browser. Set from the page's script, so it cannot be HttpOnly
    (Streamlit gives no HTTP response to set it on); it is signed, SameSite=Strict, Secure over HTTPS."""
    try:
        aman = str(st.context.url).startswith("https") or st.context.headers.get("X-Forwarded-Proto") == "https"
    except Exception:
        aman = False
    if nilai is None:
        isi = f"{KUKI}=; Path=/; Max-Age=0; SameSite=Strict"
    else:
        isi = f"{KUKI}={nilai}; Path=/; SameSite=Strict" + ("; Secure" if aman else "")
    st.html(f"<script>document.cookie = {isi!r};</script>", unsafe_allow_javascript=True)


def gerbang():
    """Before any page: the logged-in user, or the page to show instead (a function): the first admin's form on
    a server without accounts, or the login form."""
    from dashboard import akun

    ss = st.session_state
    engine = _engine()
    with session_scope(engine) as s:
        ada = akun.ada_pengguna(s)
        bebas = akun.baca_tanpa_login(s)
    if not ada:
        ss.pop(_SS_PELAKU, None)
        return lambda: _halaman_pertama(engine)
    kuki = _token_kuki()
    token = ss.get(_SS_TOKEN) or kuki
    p = akun.pelaku_sesi(engine, token, alamat=alamat())
    if p is not None:
        ss[_SS_TOKEN], ss[_SS_PELAKU] = token, p
        if kuki != token:
            with st.sidebar:
                _kuki_js(_penanda().dumps(token))
        return p
    if token and token != ss.get("_token_keluar"):  # ended: idle too long, logged out in another tab, disabled
        ss["_sesi_berakhir"] = True
    ss.pop(_SS_TOKEN, None)
    if _oidc() and _oidc_masuk() and not ss.get("_oidc_gagal"):  # back from the identity provider
        try:
            token, p = akun.masuk_email(engine, str(st.user.get("email") or ""), alamat=alamat())
        except akun.MasukGagal as exc:
            ss["_oidc_gagal"] = str(exc)
        else:
            ss[_SS_TOKEN], ss[_SS_PELAKU] = token, p
            with st.sidebar:
                _kuki_js(_penanda().dumps(token))
            return p
    if kuki:
        _kuki_js(None)
    if bebas and not ss.get("_mau_masuk"):
        ss[_SS_PELAKU] = akun.TAMU
        return akun.TAMU
    ss.pop(_SS_PELAKU, None)
    return lambda: _form_masuk(engine)


def _oidc() -> bool:
    """Whether the kabupaten configured Streamlit's own login (`[auth]` in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file
        return False


def _oidc_masuk() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:
        return False


def _form_masuk(engine) -> None:
    from dashboard import akun

    ss = st.session_state
    _, tengah, _ = st.columns([1, 2, 1])
    with tengah:
        st.title("Pantau Triwulan")
        st.caption("Pemantauan kinerja triwulanan kecamatan")
        if pesan := ss.pop("pengaturan_pesan", None):  # a backup restored on the first-start page
            st.success(fmt.md(pesan), icon=":material/check_circle:")
        if ss.pop("_sesi_berakhir", False):
            st.info("Sesi Anda sudah berakhir (terlalu lama tidak aktif, atau Anda keluar di tab lain). "
                    "Silakan masuk lagi.", icon=":material/schedule:")
        # clear_on_submit: the password leaves the form as soon as it is sent; it is never kept in session_state.
        with st.form("masuk", clear_on_submit=True):
            st.subheader("Masuk")
            nama = st.text_input("Nama pengguna", autocomplete="username")
            sandi = st.text_input("Kata sandi", type="password", autocomplete="current-password")
            kirim = st.form_submit_button("Masuk", type="primary")
        if _oidc():
            if gagal := ss.get("_oidc_gagal"):
                st.error(fmt.md(gagal), icon=":material/lock:")
            if st.button("Masuk dengan akun kantor (penyedia identitas)", icon=":material/badge:"):
                ss.pop("_oidc_gagal", None)
                if _oidc_masuk():
                    st.logout()
                st.login()
        if ss.get("_mau_masuk") and st.button("Kembali membaca tanpa masuk"):
            ss.pop("_mau_masuk", None)
            st.rerun()
        if kirim:
            try:
                token, p = akun.masuk(engine, nama, sandi, alamat=alamat())
            except akun.MasukGagal as exc:
                st.error(str(exc), icon=":material/lock:")
                return
            ss[_SS_TOKEN], ss[_SS_PELAKU] = token, p
            ss.pop("_mau_masuk", None)
            st.rerun()


def _halaman_pertama(engine) -> None:
    """A server without any account: the first admin is made here (or a backup restored into it)."""
    from dashboard import akun

    ss = st.session_state
    _, tengah, _ = st.columns([1, 2, 1])
    with tengah:
        st.title("Pantau Triwulan: penyiapan awal")
        if pesan := ss.pop("pengaturan_pesan", None):  # a backup without accounts was restored
            st.success(fmt.md(pesan) + " Cadangan itu tidak membawa akun: buat admin pertama.",
                       icon=":material/check_circle:")
        st.info("Server ini belum punya akun. Buat **admin pertama**: admin menambahkan operator kecamatan dan "
                "pimpinan di Pengaturan › Pengguna. Halaman ini hilang setelah admin pertama dibuat.",
                icon=":material/admin_panel_settings:")
        with st.form("admin_pertama", clear_on_submit=True):
            nama = st.text_input("Nama pengguna admin", placeholder="mis. admin.kabupaten")
            sandi = st.text_input("Kata sandi", type="password", autocomplete="new-password",
                                  help=f"Minimal {akun.SANDI_MIN} karakter.")
            ulang = st.text_input("Ulangi kata sandi", type="password", autocomplete="new-password")
            kirim = st.form_submit_button("Buat admin pertama", type="primary")
        if kirim:
            if sandi != ulang:
                st.error("Kedua kata sandi tidak sama.")
            else:
                try:
                    akun.buat_admin_pertama(engine, nama, sandi, alamat=alamat())
                    token, p = akun.masuk(engine, nama, sandi, alamat=alamat())
                except akun.AkunError as exc:
                    st.error(str(exc))
                else:
                    ss[_SS_TOKEN], ss[_SS_PELAKU] = token, p
                    hapus_cache()
                    st.rerun()
        with st.expander("Atau pulihkan cadangan (pindah ke server ini)"):
            st.caption("Cadangan membawa akun-akunnya: setelah dipulihkan, masuk dengan akun dari cadangan.")
            periksa_pulihkan(akun.Pelaku(nama="penyiapan awal (belum ada akun)", peran="admin", alamat=alamat()))


def periksa_pulihkan(pelaku) -> None:
    """Check a backup, or restore it into this (empty) database: Pengaturan › Cadangan and the first start."""
    from dashboard import cadangan
    from dashboard.akun import AksesDitolak

    st.markdown("**Periksa atau pulihkan cadangan**")
    st.caption("Pemeriksaan membuka berkas dan mencocokkan setiap checksum tanpa menulis apa pun. Pemulihan hanya "
               "masuk ke basis data yang masih kosong (server baru, sesudah `db upgrade`) dengan revisi skema yang "
               "sama, dalam satu transaksi: bila ada yang salah, tidak ada yang berubah.")
    berkas = st.file_uploader("Berkas cadangan (.zip)", type=["zip"], key="pengaturan_berkas_cadangan")
    if berkas is None:
        return
    isi = berkas.getvalue()
    a, b = st.columns(2)
    if a.button("Periksa", icon=":material/fact_check:", key="pengaturan_periksa_cadangan"):
        try:
            m = cadangan.periksa_cadangan(isi)
        except cadangan.CadanganError as exc:
            st.error(fmt.md(exc), icon=":material/error:")
        else:
            baris = sum(t["baris"] for t in m["tabel"].values())
            st.success(f"Cadangan utuh: {len(m['sha256'])} berkas cocok dengan checksum-nya; "
                       f"{fmt.angka(baris, 0)} baris dalam {len(m['tabel'])} tabel, "
                       f"{fmt.angka(len(m['berkas']), 0)} berkas asli impor, revisi skema {m['revisi']}.",
                       icon=":material/verified:")
    if b.button("Pulihkan ke basis data ini", icon=":material/settings_backup_restore:",
                key="pengaturan_pulihkan_cadangan"):
        try:
            hasil = cadangan.pulihkan(isi, engine=mesin(), pengguna=pelaku)
        except (cadangan.CadanganError, AksesDitolak) as exc:
            st.error(f"Pemulihan ditolak: {fmt.md(exc)}", icon=":material/error:")
            return
        hapus_cache()
        st.session_state["pengaturan_pesan"] = hasil.ringkas()
        st.rerun()


def sidebar_akun(p) -> None:
    """Who is logged in, with the logout button (or, reading without login, a login button)."""
    from dashboard import akun

    ss = st.session_state
    with st.sidebar:
        if p.tamu:
            st.caption("Membaca tanpa masuk.")
            if st.button("Masuk", icon=":material/login:", key="tombol_masuk"):
                ss["_mau_masuk"] = True
                st.rerun()
            return
        kec = ", ".join(p.nama_kecamatan) if p.kecamatan is not None else "semua kecamatan"
        st.caption(f"Masuk sebagai **{fmt.md(p.nama)}** · {akun.PERAN.get(p.peran, p.peran)} · {fmt.md(kec)}")
        if st.button("Keluar", icon=":material/logout:", key="tombol_keluar"):
            akun.keluar(_engine(), ss.get(_SS_TOKEN), p)
            ss["_token_keluar"] = ss.pop(_SS_TOKEN, None)  # this tab's own logout: no "session ended" notice
            ss.pop(_SS_PELAKU, None)
            hapus_cache()
            if _oidc() and _oidc_masuk():
                st.logout()  # also the identity provider's login of this browser
            st.rerun()


# ---------------------------------------------------------------- the frame

def _dari_url(kunci: str):
    nilai = st.query_params.get(kunci)
    if nilai is None:
        return None
    if kunci == "kecamatan":
        return nilai
    from dashboard.nilai import baca_tahun, baca_triwulan

    return baca_tahun(nilai) if kunci == "tahun" else baca_triwulan(nilai)


def frame() -> None:
    """The sidebar: kecamatan, tahun, triwulan; kept in session_state and in the URL."""
    ss = st.session_state
    from dashboard.akun import kecamatan_terlihat

    rev = kunci()
    p = pelaku()
    semua = _kecamatan(rev)
    kec = kecamatan_terlihat(p, semua)
    with st.sidebar:
        st.markdown("### Pantau Triwulan")
        if not kec and semua:
            st.warning("Akun Anda belum ditugaskan ke kecamatan mana pun. Hubungi admin.")
            for k in KUNCI_FRAME:
                ss.setdefault(k, None)
            return
        if not kec:
            st.info("Belum ada kecamatan. Jalankan `python -m dashboard demo` untuk data contoh, atau "
                    "`python -m dashboard kecamatan add NAMA --kabupaten KAB`.")
            for k in KUNCI_FRAME:
                ss.setdefault(k, None)
            return
        diminta = {}  # what a link asked for (first run of a session), to say so when it cannot be shown
        for k in KUNCI_FRAME:
            if k not in ss or ss[k] is None:
                mentah = st.query_params.get(k)
                v = _dari_url(k)
                if mentah is not None:
                    diminta[k] = mentah
                if v is not None:
                    ss[k] = v
        nama_list = [k["nama"] for k in kec]
        asing = diminta.get("kecamatan")
        if asing and asing not in nama_list and any(k["nama"] == asing for k in semua):
            # A link to a kecamatan this user may not read: refused (and recorded), never shown.
            from dashboard.akun import catat_penolakan, penolakan

            ditolak = penolakan(p, "baca", next(k["id"] for k in semua if k["nama"] == asing), asing)
            catat_penolakan(_engine(), ditolak)
            ss["_tautan_ditolak"] = str(ditolak)
            ss["kecamatan"] = None
            diminta.pop("kecamatan")
        if ss.get("kecamatan") not in nama_list:
            ss["kecamatan"] = next((k["nama"] for k in kec if not k["sintetis"]), nama_list[0])
        pilihan = st.selectbox("Kecamatan", nama_list, index=nama_list.index(ss["kecamatan"]),
                               format_func=lambda n: _label_kecamatan(n, kec))
        if pilihan != ss["kecamatan"]:
            ss["kecamatan"] = pilihan
        kid = next(k["id"] for k in kec if k["nama"] == ss["kecamatan"])
        tahun_list = _tahun(kid, rev) or [date.today().year]
        if ss.get("tahun") not in tahun_list:
            ss["tahun"] = tahun_list[0]
        ss["tahun"] = st.selectbox("Tahun", tahun_list, index=tahun_list.index(ss["tahun"]))
        tw_list = [1, 2, 3, 4]
        if ss.get("triwulan") not in tw_list:
            ss["triwulan"] = 4
        ss["triwulan"] = st.selectbox("Triwulan (s.d.)", tw_list, index=tw_list.index(ss["triwulan"]),
                                      format_func=fmt.triwulan)
        kab = next(k["kabupaten"] for k in kec if k["nama"] == ss["kecamatan"])
        st.caption(f"Kabupaten {fmt.md(kab)}")
    if diminta:
        pesan = pesan_tautan(diminta, ss["kecamatan"], ss["tahun"], ss["triwulan"], tahun_list)
        if pesan:
            ss["_tautan_salah"] = (pesan, periode_terpilih())
    # A page's own parameters (e.g. `impor` of the upload page) stay in the URL beside the frame.
    lain = {k: v for k, v in st.query_params.to_dict().items() if k not in KUNCI_FRAME}
    st.query_params.from_dict({"kecamatan": ss["kecamatan"], "tahun": str(ss["tahun"]),
                               "triwulan": str(ss["triwulan"]), **lain})


def pesan_tautan(diminta: dict[str, str], nama: str, tahun: int, tw: int, tahun_ada: list[int]) -> str | None:
    """What a link (`?kecamatan=…&tahun=…&triwulan=…`) asked for that is not what is shown, in words, with
    the choice shown instead; None when the link is shown as asked."""
    from dashboard.nilai import baca_tahun, baca_triwulan

    salah = []
    if "kecamatan" in diminta and diminta["kecamatan"] != nama:
        salah.append(f"Kecamatan **{fmt.md(diminta['kecamatan'])}** tidak ada di basis data")
    if "tahun" in diminta and baca_tahun(diminta["tahun"]) != tahun:
        salah.append(f"tahun **{fmt.md(diminta['tahun'])}** " + (
            "bukan tahun yang dikenal" if baca_tahun(diminta["tahun"]) is None
            else f"belum punya data untuk Kecamatan {fmt.md(nama)} (tahun yang ada: "
                 f"{', '.join(map(str, tahun_ada))})"))
    if "triwulan" in diminta and baca_triwulan(diminta["triwulan"]) != tw:
        salah.append(f"triwulan **{fmt.md(diminta['triwulan'])}** tidak dikenal (1–4 atau I–IV)")
    if not salah:
        return None
    kalimat = "; ".join(salah)
    return (f"Tautan yang dibuka meminta data yang tidak ada: {kalimat[0].lower() + kalimat[1:]}. Yang ditampilkan "
            f"sekarang **pilihan bawaan**: Kecamatan **{fmt.md(nama)}**, {fmt.triwulan(tw)} {tahun}. Pilih yang lain "
            "di bingkai samping.")


def _label_kecamatan(nama: str, kec: list[dict]) -> str:
    k = next(x for x in kec if x["nama"] == nama)
    return f"{nama} (data sintetis)" if k["sintetis"] else nama


def periode_terpilih() -> tuple[str | None, int | None, int | None]:
    ss = st.session_state
    return ss.get("kecamatan"), ss.get("tahun"), ss.get("triwulan")


# ---------------------------------------------------------------- shared widgets

def judul(teks: str, nama: str | None, tahun: int | None, tw: int | None, sintetis: bool = False) -> None:
    st.title(teks)
    if nama:
        st.caption(f"Kecamatan {fmt.md(nama)} · {fmt.triwulan(tw)} {tahun} (kumulatif s.d. {fmt.triwulan(tw)})")
    if sintetis:
        st.warning("Kecamatan ini berisi **data sintetis** untuk contoh, bukan data sebenarnya.", icon=":material/science:")


def kosong(pesan: str, saran: str | None = None) -> None:
    """An empty state that says what is missing and how to add it."""
    st.info(pesan + (f"\n\n{saran}" if saran else ""), icon=":material/info:")


def _pastikan_navigasi() -> None:
    """Run through the entry point even when the very first request of a fresh server is a page URL.

    Streamlit starts in its old pages-directory mode (because `pages/` exists) until a run calls
    `st.navigation`; a first visit straight to `/anggaran` would then run the page file alone, without
    the frame. Leave that mode and rerun: the entry point runs, with the frame, and opens the page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    # Once per session: a rerun drops the run's widget triggers (a button click), and AppTest puts every
    # run back into that mode, so rerunning each time would swallow every click in the page tests.
    if PagesManager.uses_pages_directory and not st.session_state.get("_navigasi_dipulihkan"):
        st.session_state["_navigasi_dipulihkan"] = True
        PagesManager.uses_pages_directory = False
        st.rerun()


def perlu_frame() -> tuple[str, int, int] | None:
    """The frame's choice, or an empty state when there is no kecamatan yet."""
    _pastikan_navigasi()
    nama, tahun, tw = periode_terpilih()
    ditolak = st.session_state.pop("_tautan_ditolak", None)
    if ditolak:  # a link to another kecamatan: the refusal, not its data
        st.error(fmt.md(ditolak), icon=":material/block:")
        st.caption("Pilih kecamatan Anda di bingkai samping untuk melanjutkan.")
        return None
    salah = st.session_state.get("_tautan_salah")
    if salah is not None:
        if salah[1] == (nama, tahun, tw):  # until the reader picks another period in the frame
            st.warning(salah[0], icon=":material/link_off:")
        else:
            del st.session_state["_tautan_salah"]
    if not nama:
        kosong("Belum ada kecamatan di basis data.",
               "Muat data contoh dengan `python -m dashboard demo`, atau tambahkan kecamatan lewat baris perintah.")
        return None
    return nama, int(tahun), int(tw)


def buka_halaman(judul_halaman: str):
    """The common start of a monitoring page: the frame's period, its summary and data, and the title.

    Returns (nama, tahun, triwulan, ringkasan, periode); without any kecamatan it shows the empty
    state and stops the page.
    """
    frame = perlu_frame()
    if frame is None:
        st.stop()
    nama, tahun, tw = frame
    data = baca_ringkasan(nama, tahun, tw)
    p = baca_periode(nama, tahun)
    judul(judul_halaman, nama, tahun, tw, p.sintetis)
    return nama, tahun, tw, data, p


def grafik(chart: alt.TopLevelMixin | dict, *, lebar: str = "stretch") -> None:
    """Render an Altair chart or its (cached) Vega-Lite dict. Our builders produce valid specs, so
    Altair's schema validation, half the cost of a chart, is skipped."""
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    st.vega_lite_chart(spec, width=lebar)


@st.cache_data(show_spinner=False, max_entries=1024)
def _spesifikasi(_fungsi, nama_fungsi: str, args: tuple, kwargs: dict) -> dict:
    return _fungsi(*args, **kwargs).to_dict(validate=False)


def grafik_dari(fungsi, *args, lebar: str = "stretch", **kwargs) -> None:
    """Build a chart with a pure builder and render it; the spec is cached by the builder and its
    arguments (data frames and numbers), so a warm page draws its charts without Altair."""
    nama = f"{fungsi.__module__}.{fungsi.__qualname__}"
    grafik(_spesifikasi(fungsi, nama, args, kwargs), lebar=lebar)


def tabel(df, *, tinggi: int | str = "auto", lebar: dict[str, str | int] | None = None,
          sembunyi: tuple[str, ...] = ()) -> None:
    """A table with Indonesian formats and category colours; private `_` columns hidden.

    `lebar` gives some columns a width ("small", "medium", "large" or pixels); `sembunyi` hides public
    columns on screen that the CSV download of the same frame keeps.
    """
    from dashboard.tabel import gaya

    config = {c: None for c in df.columns if str(c).startswith("_") or c in sembunyi}
    for c, w in (lebar or {}).items():
        if c in df.columns and c not in config:
            config[c] = st.column_config.Column(width=w)
    # Numbers stay right-aligned also where a missing value made the column text ("—", see tabel.gaya).
    for c in df.columns:
        if c not in config and df[c].map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)).any():
            config[c] = st.column_config.Column(alignment="right")
    st.dataframe(gaya(df), width="stretch", hide_index=True, column_config=config, height=tinggi)


def tanpa_panah(selisih) -> dict:
    """`st.metric` options for a change: a change that shows as `0,00` gets no arrow and no colour
    (Streamlit would draw `0,00 poin` as a green rise)."""
    return {"delta_color": "off", "delta_arrow": "off"} if fmt.arah(selisih) == 0 else {}


def ringkasan_sebelumnya(nama: str, tahun: int, tw: int) -> dict | None:
    """The summary s.d. the previous TW (TW IV of last year before TW I), when there is data."""
    from dashboard.ringkasan import triwulan_sebelumnya

    tahun_lalu, tw_lalu = triwulan_sebelumnya(tahun, tw)
    if tahun_lalu == tahun:
        return baca_ringkasan(nama, tahun, tw_lalu)
    kec = next((k for k in baca_kecamatan() if k["nama"] == nama), None)
    if kec is None or tahun_lalu not in _tahun(kec["id"], kunci()):
        return None
    return baca_ringkasan(nama, tahun_lalu, tw_lalu)


def label_triwulan_sebelumnya(tahun: int, tw: int) -> str:
    from dashboard.ringkasan import triwulan_sebelumnya

    tahun_lalu, tw_lalu = triwulan_sebelumnya(tahun, tw)
    return f"{fmt.triwulan(tw_lalu)} {tahun_lalu}"


HALAMAN_BERKAS = {"Ringkasan": "pages/ringkasan.py", "IKU": "pages/iku.py", "Anggaran": "pages/anggaran.py",
                  "SKM": "pages/skm.py", "Desa": "pages/desa.py", "Kabupaten": "pages/kabupaten.py",
                  "Unggah Data": "pages/unggah.py", "Laporan": "pages/laporan.py", "Pengaturan": "pages/pengaturan.py"}


def tautan_sumber(sumber: str) -> None:
    """A link to where a warning comes from: its page, or the import in the upload history."""
    from dashboard.tabel import sumber_label

    jenis, _, nilai = sumber.partition(":")
    halaman = "Unggah Data" if jenis == "impor" else nilai
    path = HALAMAN_BERKAS.get(halaman)
    label = f"{sumber_label(sumber)} → buka halaman {halaman}"
    try:
        st.page_link(path, label=label, icon=":material/arrow_forward:",
                     query_params={"impor": nilai} if jenis == "impor" else None)
    except Exception:  # the page is not in this run's navigation (e.g. a page run on its own)
        st.caption(label)


def unduh_csv(df, nama_file: str, *, key: str, label: str = "Unduh CSV") -> None:
    """A download of a page's table as CSV (`;`, UTF-8 with BOM: Excel in Indonesian locale opens it)."""
    from dashboard.ekspor_csv import csv_bytes

    st.download_button(label, data=csv_bytes(df), file_name=nama_file, mime="text/csv", key=key,
                       icon=":material/download:")


# ---------------------------------------------------------------- the deck template (Pengaturan)

@st.cache_data(show_spinner=False, max_entries=8)
def _info_templat(rev: str):
    from dashboard.ekspor import templat

    with session_scope(_engine()) as s:
        return templat.info(s)


def bagian_templat_pptx(pengguna: str) -> None:
    """The Pengaturan section of the meeting deck's PowerPoint template: the one in use, upload, removal."""
    from dashboard.ekspor import templat
    from dashboard.pengaturan import KUNCI_TULIS

    st.markdown("**Templat presentasi rapat evaluasi (PowerPoint)**")
    st.caption("Satu templat .pptx untuk semua kecamatan. Dek di halaman Laporan memakai tema dan tata letaknya "
               "(tata letak judul dan tata letak 'Judul Saja'); tanpa templat dipakai desain bawaan 16:9.")
    pesan = st.session_state.pop("templat_pptx_pesan", None)
    if pesan:
        st.success(pesan, icon=":material/check_circle:")
    info = _info_templat(kunci())
    if info is None:
        st.info("Belum ada templat: dek memakai desain bawaan.", icon=":material/info:")
    else:
        st.success(f"Templat yang dipakai: {fmt.md(info.ringkas())}.", icon=":material/check_circle:")
    berkas = st.file_uploader("Unggah templat .pptx", type=["pptx"], key="templat_pptx_berkas",
                              max_upload_size=templat.UKURAN_MAKS // (1024 * 1024), help="Tanpa makro.")
    kiri, kanan = st.columns(2)
    if berkas is not None and kiri.button("Pakai templat ini", type="primary", key="templat_pptx_pakai"):
        try:
            with sesi(kunci=KUNCI_TULIS) as s:
                baru = templat.simpan(s, berkas.getvalue(), berkas.name, pengguna=pengguna)
        except templat.TemplatError as exc:
            st.error(f"Templat tidak dipakai: {fmt.md(exc)}", icon=":material/error:")
        else:
            hapus_cache()
            st.session_state["templat_pptx_pesan"] = f"Templat {fmt.md(baru.nama_file)} disimpan dan dipakai mulai sekarang."
            st.rerun()
    if info is not None and kanan.button("Hapus templat (kembali ke desain bawaan)", key="templat_pptx_hapus"):
        with sesi(kunci=KUNCI_TULIS) as s:
            templat.hapus(s, pengguna=pengguna)
        hapus_cache()
        st.session_state["templat_pptx_pesan"] = "Templat dihapus: dek kembali memakai desain bawaan."
        st.rerun()


def peringatan(daftar: list[dict], nama_file: str, *, key: str) -> None:
    """A page's data warnings as a table, with its CSV download."""
    from dashboard.tabel import tabel_peringatan

    df = tabel_peringatan(daftar)
    st.dataframe(df, width="stretch", hide_index=True)
    unduh_csv(df, nama_file, key=key)
