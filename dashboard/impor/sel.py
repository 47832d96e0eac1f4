"""Reading the cells of one column into typed values, vectorised, collecting every bad cell.

Numbers follow `dashboard.nilai` exactly: a column's style comes from its unambiguous values, ambiguous
values follow it, a column without any follows the file's setting, and mixing both styles is an error.
Plain values take a vectorised path; anything unusual goes through `dashboard.nilai` value by value,
so the result and the messages are the same as there.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd

from dashboard.impor.baca import rumus
from dashboard.nilai import KOSONG, NilaiError, baca_angka, baca_sen, baca_tahun, baca_triwulan, gaya_nilai

TEKS_MAKS = 10_000
GAYA_NAMA = {"id": "Indonesia (1.234,5)", "en": "Inggris (1,234.5)"}


@dataclass
class Hasil:
    """Typed values of a column (aligned with the input), the bad cells and what was learnt about it."""

    nilai: pd.Series
    salah: dict[int, str] = field(default_factory=dict)  # position -> reason
    gaya: str | None = None
    campur: tuple[int, int] | None = None  # positions of an Indonesian and an English example
    ambigu: set[int] = field(default_factory=set)  # positions of values whose reading depended on the style
    desimal: dict[int, int] = field(default_factory=dict)  # position -> printed decimals (for tolerances)


def potong(teks, n: int = 40) -> str:
    t = " ".join(str(teks).split())
    return t if len(t) <= n else t[: n - 1] + "…"


def kosong(v) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    return isinstance(v, str) and v.strip().lower() in KOSONG


def _posisi_teks(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    jenis = np.array([type(v) is str for v in s.tolist()], dtype=bool)
    angka = np.array([isinstance(v, (int, float)) and not isinstance(v, bool) for v in s.tolist()], dtype=bool)
    return jenis, angka


def teks(s: pd.Series, *, maks: int = TEKS_MAKS) -> Hasil:
    """Trimmed text, None when empty; cells that are formulas or far too long are errors."""
    vals = s.tolist()
    out, salah = [], {}
    for i, v in enumerate(vals):
        if v is None:
            out.append(None)
            continue
        if isinstance(v, float):
            v = str(int(v)) if v.is_integer() else repr(v)
        elif not isinstance(v, str):
            v = str(v)
        t = v.strip()
        if not t:
            out.append(None)
            continue
        if len(t) > maks:
            salah[i] = f"isi terlalu panjang ({len(t):,} karakter; paling banyak {maks:,})".replace(",", ".")
            out.append(None)
            continue
        if t[0] in "=+-@" and rumus(t):
            salah[i] = f"isi berupa rumus ('{potong(t, 30)}'); rumus tidak diterima"
            out.append(None)
            continue
        out.append(t)
    return Hasil(pd.Series(out, index=s.index, dtype=object), salah)


# ------------------------------------------------------------------ numbers

_POLA_CEPAT = {
    "id": re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{0,2}))?$"),
    "en": re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?$"),
}


def _bersih(t: pd.Series) -> tuple[pd.Series, pd.Series]:
    """As `nilai._bersihkan`, on a whole column: (digits and separators, negative)."""
    t = t.str.replace("\u00a0", " ", regex=False).str.replace("\u202f", " ", regex=False).str.strip()
    kurung = t.str.startswith("(") & t.str.endswith(")")
    t = t.where(~kurung, t.str.slice(1, -1).str.strip())
    for _ in range(2):
        t = t.str.replace(r"(?i)^\s*(rp\.?|idr)\s*", "", regex=True).str.replace(r"\s*%\s*$", "", regex=True)
    t = t.str.replace(" ", "", regex=False).str.replace("'", "", regex=False)
    minus = t.str.startswith("-")
    plus = t.str.startswith("+")
    t = t.where(~(minus | plus), t.str.slice(1))
    return t, kurung ^ minus


def _bentuk(t: pd.Series) -> pd.Series:
    """The shape that decides a value's style: digits as 9, an integer part of 0 kept (see `gaya_nilai`)."""
    bentuk = t.str.replace(r"\d", "9", regex=True)
    nol = t.str.match(r"^0[.,]")
    return bentuk.where(~nol, "0" + bentuk.str.slice(1))


def angka(s: pd.Series, gaya_file: str = "id", *, uang: bool = False, wajib_bulat: bool = False) -> Hasil:
    """Numbers of a column: floats (NaN for no value) or, with `uang`, integer sen (Int64)."""
    n = len(s)
    vals = s.tolist()
    is_teks, is_angka = _posisi_teks(s)
    salah: dict[int, str] = {}
    desimal: dict[int, int] = {}
    hasil_f = np.full(n, np.nan)
    hasil_i = [None] * n
    idx_teks = np.flatnonzero(is_teks)
    gaya_ada: dict[str, int] = {}
    ambigu: set[int] = set()
    gaya = gaya_file
    if len(idx_teks):
        st = pd.Series([vals[i] for i in idx_teks], dtype="str")
        kosong_m = st.str.strip().str.lower().isin(KOSONG).to_numpy()
        t, negatif = _bersih(st)
        bentuk = _bentuk(t)
        peta_gaya = {b: gaya_nilai(b) for b in pd.unique(bentuk[~kosong_m])}
        g_per = bentuk.map(peta_gaya).to_numpy(dtype=object)
        for g in ("id", "en"):
            pos = np.flatnonzero((g_per == g) & ~kosong_m)
            if len(pos):
                gaya_ada[g] = int(idx_teks[pos[0]])
        if len(gaya_ada) > 1:
            return Hasil(pd.Series(hasil_i if uang else hasil_f, index=s.index), {}, "campur",
                         (gaya_ada["id"], gaya_ada["en"]))
        gaya = next(iter(gaya_ada), gaya_file)
        for k in np.flatnonzero((g_per == None) & ~kosong_m):  # noqa: E711 - elementwise
            ambigu.add(int(idx_teks[k]))
        cocok = t.str.extract(_POLA_CEPAT[gaya]).iloc[:, 0]
        cepat = t.str.match(_POLA_CEPAT[gaya]).fillna(False).to_numpy(dtype=bool) & ~kosong_m
        ribuan, pemisah = (".", ",") if gaya == "id" else (",", ".")
        bulat = t.str.split(pemisah, n=1, regex=False).str[0].str.replace(ribuan, "", regex=False)
        pecahan = cocok.fillna("")
        cepat &= (bulat.str.len() <= 15).fillna(False).to_numpy(dtype=bool)
        pos_cepat = np.flatnonzero(cepat)
        if len(pos_cepat):
            b = bulat.iloc[pos_cepat].astype("int64").to_numpy()
            p = pecahan.iloc[pos_cepat]
            tanda = np.where(negatif.iloc[pos_cepat].to_numpy(dtype=bool), -1, 1)
            dec_len = p.str.len().to_numpy()
            if uang:
                sen = (b * 100 + p.str.pad(2, side="right", fillchar="0").astype("int64").to_numpy()) * tanda
                for k, v in zip(idx_teks[pos_cepat], sen.tolist()):
                    hasil_i[k] = v
            else:
                teks_f = (bulat.iloc[pos_cepat] + "." + p.where(p != "", "0")).tolist()
                f = np.array([float(x) for x in teks_f]) * tanda
                hasil_f[idx_teks[pos_cepat]] = f
            for k, d in zip(idx_teks[pos_cepat], dec_len.tolist()):
                desimal[int(k)] = int(d)
        lambat = np.flatnonzero(~cepat & ~kosong_m)
        cache: dict = {}
        for k in lambat:
            i = int(idx_teks[k])
            v = vals[i]
            if v not in cache:
                cache[v] = _satu(v, gaya, uang)
            r = cache[v]
            if isinstance(r, str):
                salah[i] = r
            elif uang:
                hasil_i[i] = r
            else:
                hasil_f[i] = r
            desimal[i] = _desimal_teks(v, gaya)
    for i in np.flatnonzero(is_angka):
        v = vals[int(i)]
        r = _satu(v, gaya, uang)
        if isinstance(r, str):
            salah[int(i)] = r
        elif uang:
            hasil_i[int(i)] = r
        else:
            hasil_f[int(i)] = r
        desimal[int(i)] = _desimal_angka(v)
    for i in range(n):
        if not is_teks[i] and not is_angka[i] and vals[i] is not None:
            salah[i] = f"'{potong(vals[i])}' bukan angka"
    if wajib_bulat:
        for i in range(n):
            if i in salah:
                continue
            v = hasil_i[i] if uang else hasil_f[i]
            if v is not None and not (isinstance(v, float) and math.isnan(v)) and float(v) != int(v):
                salah[i] = f"'{potong(vals[i])}' bukan bilangan bulat"
    if uang:
        seri = pd.Series(pd.array(hasil_i, dtype="Int64"), index=s.index)
    else:
        seri = pd.Series(hasil_f, index=s.index)
    return Hasil(seri, salah, gaya, None, ambigu, desimal)


def _satu(v, gaya: str, uang: bool):
    try:
        return baca_sen(v, gaya) if uang else baca_angka(v, gaya)
    except NilaiError as exc:
        return str(exc)
    except (ValueError, ArithmeticError):
        return f"'{potong(v)}' bukan angka"


def _desimal_teks(v, gaya: str) -> int:
    t = str(v).strip().rstrip("%").strip()
    g = gaya_nilai(t) or gaya
    pemisah = "," if g == "id" else "."
    return len(re.sub(r"\D", "", t.rsplit(pemisah, 1)[1])) if pemisah in t else 0


def _desimal_angka(v) -> int:
    if isinstance(v, int):
        return 0
    d = Decimal(repr(v)).normalize()
    return max(0, -d.as_tuple().exponent) if d == d else 0


def pesan_campur(kolom: str, baris_id: int, teks_id, baris_en: int, teks_en) -> str:
    return (f"angka bergaya Indonesia (mis. '{potong(teks_id)}' di baris {baris_id}) dan bergaya Inggris "
            f"(mis. '{potong(teks_en)}' di baris {baris_en}) bercampur dalam satu kolom; samakan gaya penulisannya")


# ------------------------------------------------------------------ periods and integers

def tahun(s: pd.Series) -> Hasil:
    """Years as Int64; an integer outside 1900–2100 is kept for the range check, text is an error."""
    out, salah, cache = [], {}, {}
    for i, v in enumerate(s.tolist()):
        if kosong(v):
            out.append(None)
            continue
        if v not in cache:
            cache[v] = _tahun_satu(v)
        r = cache[v]
        if isinstance(r, str):
            salah[i] = r
            out.append(None)
        else:
            out.append(r)
    return Hasil(pd.Series(pd.array(out, dtype="Int64"), index=s.index), salah)


def _tahun_satu(v):
    t = baca_tahun(v)
    if t is not None:
        return t
    teks_v = str(v).strip()
    if teks_v.endswith(".0"):
        teks_v = teks_v[:-2]
    if re.fullmatch(r"[+-]?\d{1,9}", teks_v):
        return int(teks_v)
    return f"'{potong(v)}' bukan tahun"


def triwulan(s: pd.Series) -> Hasil:
    """1..4 from `1`, `I`, `TW II`, `Triwulan 2`; another integer is kept for the range check."""
    out, salah, cache = [], {}, {}
    for i, v in enumerate(s.tolist()):
        if kosong(v):
            out.append(None)
            continue
        if v not in cache:
            cache[v] = _tw_satu(v)
        r = cache[v]
        if isinstance(r, str):
            salah[i] = r
            out.append(None)
        else:
            out.append(r)
    return Hasil(pd.Series(pd.array(out, dtype="Int64"), index=s.index), salah)


def _tw_satu(v):
    tw = baca_triwulan(v)
    if tw is not None:
        return tw
    t = re.sub(r"(?i)^(triwulan|tri wulan|tw|tr|q|kuartal)[\s.\-_]*", "", str(v).strip())
    if t.endswith(".0"):
        t = t[:-2]
    if re.fullmatch(r"[+-]?\d{1,9}", t):
        return int(t)
    return f"'{potong(v)}' bukan triwulan (1–4, I–IV, TW II, Triwulan 2)"


def bulat(s: pd.Series, gaya_file: str = "id") -> Hasil:
    """Whole numbers (Int64); `25 tahun` reads as 25."""
    vals = s.tolist()
    bersih = [re.sub(r"(?i)\s*(tahun|thn|th|orang|org|responden)\.?\s*$", "", v) if isinstance(v, str) else v
              for v in vals]
    h = angka(pd.Series(bersih, index=s.index, dtype=object), gaya_file, wajib_bulat=True)
    out = [None if (i in h.salah or math.isnan(x)) else int(x) for i, x in enumerate(h.nilai.tolist())]
    return Hasil(pd.Series(pd.array(out, dtype="Int64"), index=s.index), h.salah, h.gaya, h.campur, h.ambigu)


def pilihan(s: pd.Series, kamus: dict[str, str], contoh: str) -> Hasil:
    """Text choices through a dictionary of accepted spellings (keys compared lower-case, spaces folded)."""
    out, salah = [], {}
    for i, v in enumerate(s.tolist()):
        if kosong(v):
            out.append(None)
            continue
        k = " ".join(str(v).replace("_", " ").replace("-", " ").lower().split())
        if k in kamus:
            out.append(kamus[k])
        else:
            salah[i] = f"'{potong(v)}' tidak dikenal; pilih {contoh}"
            out.append(None)
    return Hasil(pd.Series(out, index=s.index, dtype=object), salah)


YA_TIDAK = {"ya": True, "y": True, "yes": True, "true": True, "benar": True, "1": True, "definitif": True,
            "tidak": False, "t": False, "no": False, "n": False, "false": False, "salah": False, "0": False,
            "bukan": False, "persiapan": False, "desa persiapan": False}
