"""Helpers for the page tests (streamlit.testing.v1.AppTest)."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
PESAN_GAGAL = "Maaf, halaman ini gagal ditampilkan"


def buka(halaman: str | None = None, kecamatan: str | None = None, tahun: int | None = None,
         triwulan: int | None = None, timeout: int = 60) -> AppTest:
    """Run the app with the frame set, then switch to `pages/<halaman>.py` (None: the default page)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
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


def semua_teks(at: AppTest) -> str:
    """Every markdown, caption, info and title text of the page, joined (for assertions)."""
    bagian = []
    for jenis in ("markdown", "caption", "info", "warning", "success", "error", "title", "subheader", "header"):
        bagian += [str(e.value) for e in getattr(at, jenis)]
    return "\n".join(bagian)
