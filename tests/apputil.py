"""Helpers for the page tests (streamlit.testing.v1.AppTest)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
PESAN_GAGAL = "Maaf, halaman ini gagal ditampilkan"


@functools.lru_cache(maxsize=1)
def _hash_uji() -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(SANDI_UJI)


SANDI_UJI = "sandi-uji-123"


def akun_uji(nama: str = "admin.uji", peran: str = "admin", kecamatan: list[str] | None = None,
             url: str | None = None) -> str:
    """An account in the test database (made once; the password is SANDI_UJI) and a fresh login token for it."""
    import hashlib
    import secrets

    from sqlalchemy import insert, select

    from dashboard.akun import utcnow
    from models.db import get_engine
    from models.tables import Kecamatan, Pengguna, PenggunaKecamatan, SesiLogin

    engine = get_engine(url)
    with engine.begin() as c:
        pid = c.execute(select(Pengguna.id).where(Pengguna.nama == nama)).scalar()
        if pid is None:
            pid = c.execute(insert(Pengguna.__table__).values(nama=nama, peran=peran, hash_sandi=_hash_uji(),
                                                              aktif=True, gagal=0, dibuat=utcnow())).inserted_primary_key[0]
            for k in kecamatan or []:
                kid = c.execute(select(Kecamatan.id).where(Kecamatan.nama == k)).scalar()
                c.execute(insert(PenggunaKecamatan.__table__).values(pengguna_id=pid, kecamatan_id=kid))
        token = secrets.token_urlsafe(16)
        c.execute(insert(SesiLogin.__table__).values(id=hashlib.sha256(token.encode()).hexdigest(), pengguna_id=pid,
                                                     dibuat=utcnow(), terakhir=utcnow()))
    return token


def buka(halaman: str | None = None, kecamatan: str | None = None, tahun: int | None = None,
         triwulan: int | None = None, timeout: int = 60, sebagai: str | None = "admin",
         akun_kecamatan: list[str] | None = None) -> AppTest:
    """Run the app with the frame set, logged in as an account of role `sebagai` (None: not logged in), then switch
    to `pages/<halaman>.py` (None: the default page)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if sebagai is not None:
        nama = "admin.uji" if sebagai == "admin" else f"{sebagai}.{'-'.join(akun_kecamatan or ['semua'])}".lower()
        at.session_state["_token_sesi"] = akun_uji(nama, sebagai, akun_kecamatan)
    if kecamatan is not None:
        at.session_state["kecamatan"] = kecamatan
    if tahun is not None:
        at.session_state["tahun"] = tahun
    if triwulan is not None:
        at.session_state["triwulan"] = triwulan
    at.run()
    if halaman:
        at.switch_page(f"pages/{halaman}.py").run()
    return at


def tanpa_galat(at: AppTest) -> None:
    """No exception and no error boundary message on the page."""
    assert not at.exception, [e.value for e in at.exception]
    gagal = [e.value for e in at.error if PESAN_GAGAL in str(e.value)]
    assert not gagal, gagal


def metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def spesifikasi(at: AppTest) -> list[dict]:
    """The Vega-Lite specs of the page's charts, with `datasets` filled in (Streamlit sends the named
    datasets of a chart beside its spec, as Arrow)."""
    from streamlit import dataframe_util

    out = []
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        for d in c.proto.datasets:
            df = dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data)
            spec.setdefault("datasets", {})[d.name] = json.loads(df.to_json(orient="records"))
        out.append(spec)
    return out


def grafik_jenis(at: AppTest, jenis: str) -> list[dict]:
    return [s for s in spesifikasi(at) if s.get("usermeta", {}).get("pantau", {}).get("jenis") == jenis]


def tampak(teks: str) -> str:
    """A Markdown source as the reader sees its characters: backslash escapes (`fmt.md`) removed."""
    import re

    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", teks)


def semua_teks(at: AppTest) -> str:
    """Every markdown, caption, info and title text of the page, joined, as the reader sees the characters."""
    bagian = []
    for jenis in ("markdown", "caption", "info", "warning", "success", "error", "title", "subheader", "header"):
        bagian += [str(e.value) for e in getattr(at, jenis)]
    return tampak("\n".join(bagian))


# ---------------------------------------------------------------- Markdown safety (user text escaped)

# Proto fields that Streamlit renders as Markdown: bodies, labels, tooltips, metric value and delta,
# progress text, radio and button-group options. Selectbox options and data cells are plain text.
CAKUPAN_MD = {"body", "label", "help", "delta", "text", "caption", "captions", "options", "placeholder"}
TEKS_POLOS = {"Selectbox": {"options", "placeholder"}, "MultiSelect": {"options", "placeholder"},
              "TextInput": {"placeholder"}, "TextArea": {"placeholder"}, "Code": {"body"}, "Html": {"body"},
              "Exception": {"message", "stack_trace"}}


def _teks_proto(msg, out: list[tuple[str, str]]) -> None:
    polos = TEKS_POLOS.get(type(msg).__name__, set())
    for field, nilai in msg.ListFields():
        if field.name in polos:
            continue
        if field.message_type is not None:
            for m in (nilai if field.is_repeated else [nilai]):
                _teks_proto(m, out)
        elif field.type == field.TYPE_STRING and field.name in CAKUPAN_MD:
            for v in (nilai if field.is_repeated else [nilai]):
                out.append((f"{type(msg).__name__}.{field.name}", v))


def teks_markdown(at: AppTest) -> list[tuple[str, str]]:
    """Every string of the page (sidebar included) that Streamlit renders as Markdown, with its place."""
    out: list[tuple[str, str]] = []

    def jalan(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            _teks_proto(proto, out)
        for anak in getattr(node, "children", {}).values():
            jalan(anak)

    jalan(at._tree)
    return out


def markdown_tak_aman(teks: str) -> list[str]:
    """What a Markdown string would render that user text must never become: an image, a link, raw HTML,
    emphasis or code from the payload, math, a colour directive (empty list: safe)."""
    import re

    from markdown_it import MarkdownIt

    html = MarkdownIt("gfm-like").render(teks)  # CommonMark + GFM autolinks; raw HTML passes through
    masalah = [arti for pola, arti in ((r"<img", "gambar atau HTML mentah"), (r"<a ", "tautan"),
                                       (r"<strong>tebal", "tebal"), (r"<code>kode", "kode"))
               if re.search(pola, html)]
    if re.search(r"(?<!\\)\$[^$\n]*(?<!\\)\$", teks):
        masalah.append("rumus $…$")
    if re.search(r"(?<!\\):red(?<!\\)\[m", teks):  # the payload's `:red[merah]` (the app's own badges are fine)
        masalah.append("arahan warna :…[")
    return masalah
