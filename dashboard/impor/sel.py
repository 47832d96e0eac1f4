"""Reading the cells of one column into typed values, fast, collecting every bad cell.

Numbers follow `dashboard.nilai` exactly: a column's style comes from its unambiguous values, ambiguous
values follow it, a column without any follows the file's setting, and mixing both styles is an error.
Plain values (`1.234.567,89`, `Rp 1.000`, `-5`) take a precompiled fast path; anything unusual goes
through `dashboard.nilai` value by value, so the result and the messages are the same as there. Columns
with few distinct values (scores, years, choices) are read once per distinct value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd

from dashboard import format as fmt
from dashboard.impor.baca import rumus
from dashboard.nilai import KOSONG, NilaiError, baca_angka, baca_sen, baca_tahun, baca_triwulan, gaya_nilai

TEKS_MAKS = 10_000
# No figure a kecamatan reports can be larger: Rp 10^15 is a thousand times a province's budget. Beyond it a
# number is a mistake (or an attack), and past 2^63 sen it would not even fit the database.
ANGKA_MAKS = 10 ** 15
# Texts that look empty to a program but are not "no value" in a number column: an error, never NULL.
KOSONG_ANGKA = KOSONG - {"nan"}
_TAK_TERHINGGA = {"nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity", "∞", "-∞"}
GALAT_EXCEL = {"#n/a", "#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!", "#spill!", "#calc!",
               "#getting_data", "#field!", "#blocked!", "#connect!", "#busy!", "#unknown!"}


@dataclass
class Hasil:
    """Typed values of a column (aligned with the input), the bad cells and what was learnt about it."""

    nilai: pd.Series
    salah: dict[int, str] = field(default_factory=dict)  # position -> reason
    gaya: str | None = None
    campur: tuple[int, int] | None = None  # positions of an Indonesian and an English example
    ambigu: set[int] = field(default_factory=set)  # ambiguous values read in the Indonesian style (1.234 = 1234)
    desimal: dict[int, int] = field(default_factory=dict)  # position -> printed decimals (for tolerances)


def potong(teks, n: int = 40) -> str:
    t = " ".join(str(teks).split())
    return t if len(t) <= n else t[: n - 1] + "…"


def kosong(v) -> bool:
    """No value: None, a missing float, or an empty-looking text (`-`, `n/a`); the text `NaN` is a value (a bad
    one) in the import, so that a number column reports it instead of storing nothing."""
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    return isinstance(v, str) and v.strip().lower() in KOSONG_ANGKA


def bukan_angka_khusus(t: str) -> str | None:
    """Why a text that programs write for a missing or failed number is not a number (None for other texts)."""
    k = t.strip().lower()
    if k in GALAT_EXCEL:
        return f"'{potong(t)}' adalah galat rumus Excel, bukan angka; perbaiki rumusnya lalu simpan ulang berkas"
    if k in _TAK_TERHINGGA:
        return (f"'{potong(t)}' bukan angka (hasil hitungan yang gagal); isi angkanya, atau kosongkan sel / tulis '-' "
                "bila belum ada nilainya")
    return None


def terlalu_besar(v, uang: bool) -> str:
    if uang:
        return (f"'{potong(v)}' terlalu besar: melebihi Rp {fmt.angka(ANGKA_MAKS, 0)}, lebih dari anggaran kecamatan "
                "mana pun")
    return f"'{potong(v)}' terlalu besar (paling besar {fmt.angka(ANGKA_MAKS, 0)})"


def per_unik(s: pd.Series, fungsi) -> tuple[np.ndarray, dict[int, str]]:
    """Apply `fungsi(value) -> (result, message or None)` once per distinct value; None/NaN give None."""
    codes, unik = pd.factorize(np.asarray(s.tolist(), dtype=object), use_na_sentinel=True)
    hasil = [fungsi(u) for u in unik]
    nilai_u = np.empty(len(unik) + 1, dtype=object)
    nilai_u[:-1] = [h[0] for h in hasil] if hasil else []
    nilai_u[-1] = None
    out = nilai_u[codes]
    salah = {}
    pesan_u = [h[1] for h in hasil]
    buruk = [k for k, p in enumerate(pesan_u) if p]
    if buruk:
        for i in np.flatnonzero(np.isin(codes, buruk)):
            salah[int(i)] = pesan_u[codes[i]]
    return out, salah


def _Int64(vals, index) -> pd.Series:
    return pd.Series(pd.array(list(vals), dtype="Int64"), index=index)


def teks(s: pd.Series, *, maks: int = TEKS_MAKS) -> Hasil:
    """Trimmed text, None when empty; cells that are formulas or far too long are errors."""
    def satu(v):
        if isinstance(v, float):
            v = str(int(v)) if v.is_integer() else repr(v)
        elif not isinstance(v, str):
            v = str(v)
        t = v.strip()
        if not t:
            return None, None
        if len(t) > maks:
            return None, f"isi terlalu panjang ({len(t):,} karakter; paling banyak {maks:,})".replace(",", ".")
        if t[0] in "=+-@" and rumus(t):
            return None, f"isi berupa rumus ('{potong(t, 30)}'); rumus tidak diterima"
        return t, None

    out, salah = per_unik(s, satu)
    return Hasil(pd.Series(out, index=s.index, dtype=object), salah)


# ------------------------------------------------------------------ numbers

_CEPAT = {
    # [Rp] [-]digits[,dd]  — the plain forms; everything else goes through dashboard.nilai
    "id": re.compile(r"^\s*(?:[Rr][Pp]\.?\s*)?(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{0,2}))?\s*$"),
    "en": re.compile(r"^\s*(?:[Rr][Pp]\.?\s*)?(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?\s*$"),
}
_SEMBILAN = str.maketrans("0123456789", "9999999999")
_NOL_DEPAN = re.compile(r"^[^\d]*0[.,]")


def _gaya_satu(v: str, cache: dict) -> str | None:
    """`gaya_nilai` of a value, through its shape (digits as 9, an integer part of 0 kept)."""
    bentuk = v.translate(_SEMBILAN)
    if _NOL_DEPAN.match(v):
        k = bentuk.index("9")
        bentuk = bentuk[:k] + "0" + bentuk[k + 1:]
    if bentuk not in cache:
        cache[bentuk] = gaya_nilai(bentuk)
    return cache[bentuk]


def angka(s: pd.Series, gaya_file: str = "id", *, uang: bool = False, wajib_bulat: bool = False,
          catat: bool = False) -> Hasil:
    """Numbers of a column: floats (NaN for no value) or, with `uang`, integer sen (Int64).

    With `catat`, the printed decimals and the ambiguous positions are recorded (for tolerances and hints).
    """
    vals = s.tolist()
    n = len(vals)
    cache_gaya: dict = {}
    gaya_per: list = [None] * n
    pertama: dict[str, int] = {}
    kosong_kunci = KOSONG_ANGKA
    for i, v in enumerate(vals):
        if type(v) is str:
            t = v.strip()
            if not t or t.lower() in kosong_kunci:
                vals[i] = None
                continue
            g = _gaya_satu(t, cache_gaya)
            gaya_per[i] = g
            if g and g not in pertama:
                pertama[g] = i
    if len(pertama) > 1:
        kosong_hasil = [None] * n if uang else [math.nan] * n
        return Hasil(_Int64(kosong_hasil, s.index) if uang else pd.Series(kosong_hasil, index=s.index, dtype=float),
                     {}, "campur", (pertama["id"], pertama["en"]))
    gaya = next(iter(pertama), gaya_file)
    pola = _CEPAT[gaya]
    out: list = [None] * n
    salah: dict[int, str] = {}
    desimal: dict[int, int] = {}
    ambigu: set[int] = set()
    lambat: dict = {}
    batas = ANGKA_MAKS * 100 if uang else ANGKA_MAKS
    for i, v in enumerate(vals):
        if v is None:
            continue
        if type(v) is str:
            m = pola.match(v)
            if m:
                minus, bulat, pecah = m.groups()
                bulat = bulat.replace("," if gaya == "en" else ".", "")
                pecah = pecah or ""
                if uang:
                    x = int(bulat) * 100 + int((pecah + "00")[:2])
                else:
                    x = float(f"{bulat}.{pecah or '0'}")
                if x > batas:
                    salah[i] = terlalu_besar(v, uang)
                    continue
                out[i] = -x if minus else x
                if catat:
                    desimal[i] = len(pecah)
                    if gaya_per[i] is None and gaya == "id" and "." in v:
                        ambigu.add(i)
                continue
            if v not in lambat:
                lambat[v] = _satu(v, gaya, uang)
            r = lambat[v]
            if catat:
                desimal[i] = _desimal_teks(v, gaya)
                if gaya_per[i] is None and gaya == "id" and "." in v:
                    ambigu.add(i)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            if isinstance(v, float) and math.isnan(v):
                continue
            r = _satu(v, gaya, uang)
            if catat:
                desimal[i] = _desimal_angka(v)
        else:
            r = f"'{potong(v)}' bukan angka"
        if isinstance(r, str):
            salah[i] = r
        else:
            out[i] = r
    if wajib_bulat:
        for i, v in enumerate(out):
            if v is not None and i not in salah and float(v) != int(v):
                salah[i] = f"'{potong(s.iat[i])}' bukan bilangan bulat"
                out[i] = None
    if uang:
        seri = _Int64(out, s.index)
    else:
        seri = pd.Series([math.nan if v is None else v for v in out], index=s.index, dtype=float)
    return Hasil(seri, salah, gaya, None, ambigu, desimal)


def _satu(v, gaya: str, uang: bool):
    if isinstance(v, str):
        khusus = bukan_angka_khusus(v)
        if khusus:
            return khusus
    elif isinstance(v, float) and not math.isfinite(v):
        return bukan_angka_khusus(repr(v)) or f"'{potong(v)}' bukan angka"
    try:
        x = baca_sen(v, gaya) if uang else baca_angka(v, gaya)
    except NilaiError as exc:
        return str(exc)
    except (ValueError, ArithmeticError):
        return f"'{potong(v)}' bukan angka"
    if x is not None and abs(x) > (ANGKA_MAKS * 100 if uang else ANGKA_MAKS):
        return terlalu_besar(v, uang)
    return x


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

def _dengan_kosong(fungsi):
    def f(v):
        if kosong(v):
            return None, None
        r = fungsi(v)
        return (None, r) if isinstance(r, str) else (r, None)
    return f


def tahun(s: pd.Series) -> Hasil:
    """Years as Int64; an integer outside 1900–2100 is kept for the range check, text is an error."""
    out, salah = per_unik(s, _dengan_kosong(_tahun_satu))
    return Hasil(_Int64(out, s.index), salah)


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
    out, salah = per_unik(s, _dengan_kosong(_tw_satu))
    return Hasil(_Int64(out, s.index), salah)


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
    codes, unik = pd.factorize(np.asarray(s.tolist(), dtype=object), use_na_sentinel=True)
    bersih = [re.sub(r"(?i)\s*(tahun|thn|th|orang|org|responden)\.?\s*$", "", v) if isinstance(v, str) else v
              for v in unik]
    h = angka(pd.Series(bersih, dtype=object), gaya_file, wajib_bulat=True)
    nilai_u = [None if (k in h.salah or math.isnan(x)) else int(x) for k, x in enumerate(h.nilai.tolist())]
    nilai_u.append(None)
    out = [nilai_u[c] for c in codes]
    salah = {}
    if h.salah:
        for i in np.flatnonzero(np.isin(codes, list(h.salah))):
            salah[int(i)] = h.salah[int(codes[i])]
    if h.gaya == "campur":
        i_id, i_en = h.campur
        campur = (int(np.flatnonzero(codes == i_id)[0]), int(np.flatnonzero(codes == i_en)[0]))
        return Hasil(_Int64([None] * len(out), s.index), {}, "campur", campur)
    return Hasil(_Int64(out, s.index), salah, h.gaya)


def pilihan(s: pd.Series, kamus: dict[str, str], contoh: str) -> Hasil:
    """Text choices through a dictionary of accepted spellings (keys compared lower-case, spaces folded)."""
    def satu(v):
        if kosong(v):
            return None, None
        k = " ".join(str(v).replace("_", " ").replace("-", " ").lower().split())
        if k in kamus:
            return kamus[k], None
        return None, f"'{potong(v)}' tidak dikenal; pilih {contoh}"

    out, salah = per_unik(s, satu)
    return Hasil(pd.Series(out, index=s.index, dtype=object), salah)


YA_TIDAK = {"ya": True, "y": True, "yes": True, "true": True, "benar": True, "1": True, "definitif": True,
            "tidak": False, "t": False, "no": False, "n": False, "false": False, "salah": False, "0": False,
            "bukan": False, "persiapan": False, "desa persiapan": False}
