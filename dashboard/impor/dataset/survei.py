"""The period of an SKM survey: per triwulan (the default), per semester or once a year.

No TW is invented for a semester or an annual survey: it is stored with its kind (`periode`) in the TW it is
shown in, which is the TW the file (or the operator) names, else the TW the period ends in: semester I in TW II,
semester II and a year in TW IV. Per row, the first of these that says something decides the kind:

1. a `periode` column (`Semester I`, `semester`, `Tahunan`, `triwulan`);
2. the triwulan cell itself (`Semester II`, `Tahunan`; `TW III` names the TW);
3. the header (`NRR Semester I`, `IKM Tahunan`);
4. a title row above the header (`… SEMESTER I TAHUN 2025`, `… TAHUNAN`, `Januari – Desember`; a title's
   `TRIWULAN II` names the TW of a quarterly survey);
5. the import option `periode` (command line `--periode`, the upload page).
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.impor import sel
from dashboard.impor.siap import Bingkai, _na

JENIS = ("triwulan", "semester", "tahunan")
NAMA_JENIS = {"triwulan": "per triwulan", "semester": "per semester", "tahunan": "tahunan"}
AKHIR = {"tahunan": 4}
_TAHUNAN = re.compile(r"^(tahunan|setahun|satu tahun|1 tahun|per tahun|annual|tahun(\s+(19|20)\d\d)?"
                      r"|januari\s*(-|–|s\s*d|sampai( dengan)?)\s*desember.*)$")
_SEMESTER = re.compile(r"^(?:semester|smt|sem)\.?\s*(i|ii|1|2|ganjil|genap)?(\s+(19|20)\d\d)?$")
_BULAN_SEMESTER = {r"^januari\s*(-|–|s\s*d|sampai( dengan)?)\s*juni": 2,
                   r"^juli\s*(-|–|s\s*d|sampai( dengan)?)\s*desember": 4}
_JUDUL_SEMESTER = re.compile(r"(?i)\bsemester\s+(ii|i|1|2|ganjil|genap)\b")
_JUDUL_TAHUNAN = re.compile(r"(?i)\b(tahunan|januari\s*(-|–|s\.?\s*d\.?|sampai dengan)\s*desember)\b")
_JUDUL_TRIWULAN = re.compile(r"(?i)\b(?:triwulan|tw)\s+(iv|iii|ii|i|[1-4])\b")
_SEMESTER_TW = {"i": 2, "1": 2, "ganjil": 2, "ii": 4, "2": 4, "genap": 4}


def baca(v) -> tuple[str | None, int | None] | str:
    """(kind, TW) a cell names: `Semester I` → (semester, 2), `Tahunan` → (tahunan, None), `TW III` → (None, 3);
    a message when it names no period."""
    t = " ".join(str(v).replace("/", " ").replace(".", " ").split()).lower()
    if t in ("triwulan", "triwulanan", "per triwulan", "tw"):
        return "triwulan", None
    if t in ("semesteran", "per semester"):
        return "semester", None
    if _TAHUNAN.match(t):
        return "tahunan", None
    m = _SEMESTER.match(t)
    if m:
        return "semester", _SEMESTER_TW.get(m.group(1)) if m.group(1) else None
    for pola, tw in _BULAN_SEMESTER.items():
        if re.match(pola, t):
            return "semester", tw
    tw = sel._tw_satu(v)  # a TW, or another whole number kept for the range check (`triwulan '5' tidak ada`)
    if isinstance(tw, int):
        return None, tw
    return (f"'{sel.potong(v)}' bukan triwulan (1–4, I–IV, TW II, Triwulan 2) atau periode survei (Semester I, "
            "Semester II, Tahunan)")


def dari_judul(atas: list[str]) -> tuple[str | None, int | None]:
    """The kind (and TW) a title row names: `SEMESTER I TAHUN 2025` → (semester, 2), `TAHUNAN` → (tahunan, 4),
    `TRIWULAN II` → (triwulan, 2)."""
    for teks in atas:
        m = _JUDUL_SEMESTER.search(teks)
        if m:
            return "semester", _SEMESTER_TW[m.group(1).lower()]
        if _JUDUL_TAHUNAN.search(teks):
            return "tahunan", AKHIR["tahunan"]
        m = _JUDUL_TRIWULAN.search(teks)
        if m:
            g = m.group(1).lower()
            return "triwulan", {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(g) or int(g)
    return None, None


def periode_survei(b: Bingkai) -> tuple[pd.Series | None, list[str]]:
    """Per row: the TW a survey's figures are stored in, and the kind of survey (see the module docstring)."""
    ctx = b.ctx
    n = len(b.df)
    jenis: list[str | None] = [None] * n
    tw: list[int | None] = [None] * n
    buruk: set[int] = set()
    for kolom in ("periode", "triwulan"):
        if not b.ada(kolom):
            continue
        for i, v in enumerate(b.df[kolom].tolist()):
            if sel.kosong(v):
                continue
            r = baca(v)
            if isinstance(r, str):
                b.galat(i, kolom, r)
                buruk.add(i)
                continue
            k, t = r
            if k and jenis[i] is None:
                jenis[i] = k
            if t is not None and (kolom == "triwulan" or tw[i] is None):
                tw[i] = t
    label_p = b.df["_label_periode"].tolist() if "_label_periode" in b.df else [None] * n
    label_tw = b.df["_label_tw"].tolist()
    judul_jenis, judul_tw = dari_judul(b.judul_atas)
    for i in range(n):
        if jenis[i] is None and isinstance(label_p[i], str):
            jenis[i] = label_p[i]
        if jenis[i] is None:
            jenis[i] = judul_jenis or ctx.periode or "triwulan"
    tanpa_semester = tanpa_tw = False
    for i in range(n):
        if tw[i] is not None or i in buruk:
            continue
        if ctx.triwulan is not None:
            tw[i] = ctx.triwulan
        elif not _na(label_tw[i]):
            tw[i] = int(label_tw[i])
        elif judul_tw is not None and jenis[i] == judul_jenis:
            tw[i] = judul_tw
        elif jenis[i] == "tahunan":
            tw[i] = AKHIR["tahunan"]
        elif jenis[i] == "semester":
            tanpa_semester = True
        else:
            tanpa_tw = True
    if tanpa_semester:
        ctx.galat.tambah(None, None, "Semester tidak diketahui: tulis 'Semester I' atau 'Semester II' di kolom "
                         "periode atau triwulan, atau pilih triwulannya saat impor (Semester I = TW II, "
                         "Semester II = TW IV).")
    if tanpa_tw:
        ctx.galat.tambah(None, None, "Triwulan tidak diketahui: tambahkan kolom triwulan di berkas, tulis "
                         "triwulannya di judul kolom (mis. 'Realisasi s.d. TW II'), atau pilih triwulan saat "
                         "impor. Survei tahunan atau per semester: pilih periode survei saat impor.")
    if tanpa_semester or tanpa_tw:
        return None, [j or "triwulan" for j in jenis]
    return pd.Series(pd.array(tw, dtype="Int64")), [j or "triwulan" for j in jenis]
