"""Budget absorption (domain §3.4): the code tree, serapan and its parts. Money in sen (int)."""

from __future__ import annotations

from dataclasses import dataclass, field

PROGRAM_KECAMATAN = {
    "7.01.01": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "7.01.02": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "7.01.03": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
    "7.01.04": "Program Koordinasi Ketentraman dan Ketertiban Umum",
    "7.01.05": "Program Penyelenggaraan Urusan Pemerintahan Umum",
    "7.01.06": "Program Pembinaan dan Pengawasan Pemerintahan Desa",
}
JENIS_BELANJA = {
    "5.1.01": "Belanja Pegawai",
    "5.1.02": "Belanja Barang dan Jasa",
    "5.1.05": "Belanja Hibah",
    "5.4": "Belanja Hibah",
    "5.2": "Belanja Modal",
    "5.1.04": "Belanja Subsidi",
    "5.1.06": "Belanja Bantuan Sosial",
    "5.3": "Belanja Tidak Terduga",
}
LEVEL_PROGRAM = {3: "Program", 5: "Kegiatan", 6: "Sub Kegiatan"}


def segmen(kode: str) -> list[str]:
    return [s for s in str(kode).strip().split(".") if s != ""]


def pohon_dari_kode(kode: str) -> str:
    """`rekening` (kode rekening belanja: `5`, `5.1`, `5.1.02.01`, single-digit second segment) or `program`.

    Told apart by shape, not by the first digit: Permendagri 90/2019 programme codes have a two-digit second
    segment (`7.01.01`, and `5.02.02` for the unsur penunjang programmes), the LRA account tree a one-digit one.
    """
    seg = segmen(kode)
    if seg[:1] != ["5"]:
        return "program"
    return "rekening" if len(seg) == 1 or len(seg[1]) == 1 else "program"


def induk(kode: str, semua: set[str]) -> str | None:
    """The nearest code in `semua` that is a proper prefix of `kode` by segments."""
    seg = segmen(kode)
    for n in range(len(seg) - 1, 0, -1):
        kandidat = ".".join(seg[:n])
        if kandidat in semua:
            return kandidat
    return None


def jenis_belanja_dari_kode(kode: str) -> str | None:
    seg = segmen(kode)
    for n in (3, 2):
        label = JENIS_BELANJA.get(".".join(seg[:n]))
        if label:
            return label
    return None


def jenis_dari_induk(kode: str, uraian: dict[str, str]) -> str | None:
    """An account line's jenis belanja named by the file's own row at the jenis (3) or kelompok (2) level."""
    seg = segmen(kode)
    for n in (3, 2):
        if len(seg) > n and uraian.get(".".join(seg[:n])):
            return uraian[".".join(seg[:n])]
    return None


def level_nama(kode: str) -> str:
    seg = segmen(kode)
    if pohon_dari_kode(kode) == "program":
        return LEVEL_PROGRAM.get(len(seg), f"Level {len(seg)}")
    return {1: "Akun", 2: "Kelompok", 3: "Jenis", 4: "Objek", 5: "Rincian Objek"}.get(len(seg), "Sub Rincian Objek")


@dataclass
class Baris:
    """A budget line as read from the database: amounts in sen; realisasi per quarter (not cumulative)."""

    kode: str
    uraian: str
    pagu: int | None
    realisasi_tw: dict[int, int] = field(default_factory=dict)
    rencana_tw: dict[int, int | None] = field(default_factory=dict)
    jenis_belanja: str | None = None
    dari_file: bool = True  # False: an ancestor the app added by its code


@dataclass
class Simpul:
    """A node of the computed tree: leaves carry their own figures, parents the sum of their children."""

    kode: str
    uraian: str
    level: int
    pagu: int
    realisasi_tw: dict[int, int]
    rencana_tw: dict[int, int]
    punya_rencana: bool
    anak: list["Simpul"] = field(default_factory=list)
    tercetak: Baris | None = None  # the file's own parent row, kept for the check, never used as a figure

    def realisasi_sd(self, triwulan: int) -> int:
        return sum(v for tw, v in self.realisasi_tw.items() if tw <= triwulan)

    def rencana_sd(self, triwulan: int) -> int | None:
        if not self.punya_rencana:
            return None
        return sum(v for tw, v in self.rencana_tw.items() if tw <= triwulan)


def lengkapi_induk(baris: list[Baris]) -> list[Baris]:
    """Add the missing ancestors (program and kegiatan; every level of kode rekening) by name."""
    ada = {b.kode for b in baris}
    tambahan: dict[str, Baris] = {}
    for b in baris:
        seg = segmen(b.kode)
        if pohon_dari_kode(b.kode) == "program":
            panjang = [n for n in (3, 5) if n < len(seg)]
        else:
            panjang = range(1, len(seg))
        for n in panjang:
            kode = ".".join(seg[:n])
            if kode not in ada and kode not in tambahan:
                uraian = PROGRAM_KECAMATAN.get(kode) or JENIS_BELANJA.get(kode) or (
                    "Belanja Daerah" if kode == "5" else f"{level_nama(kode)} {kode}")
                tambahan[kode] = Baris(kode, uraian, None, dari_file=False)
    return list(baris) + list(tambahan.values())


def bangun_pohon(baris: list[Baris]) -> list[Simpul]:
    """The forest of budget lines by code prefix; parents computed from their children."""
    per_kode = {b.kode: b for b in lengkapi_induk(baris)}
    kode_set = set(per_kode)
    anak_dari: dict[str | None, list[str]] = {}
    for kode in per_kode:
        anak_dari.setdefault(induk(kode, kode_set), []).append(kode)

    def urut(kodes: list[str]) -> list[str]:
        return sorted(kodes, key=lambda k: [int(s) if s.isdigit() else 0 for s in segmen(k)] + [0])

    def bangun(kode: str) -> Simpul:
        b = per_kode[kode]
        anak = [bangun(k) for k in urut(anak_dari.get(kode, []))]
        if anak:
            realisasi: dict[int, int] = {}
            rencana: dict[int, int] = {}
            for a in anak:
                for tw, v in a.realisasi_tw.items():
                    realisasi[tw] = realisasi.get(tw, 0) + v
                for tw, v in a.rencana_tw.items():
                    rencana[tw] = rencana.get(tw, 0) + v
            return Simpul(kode, b.uraian, len(segmen(kode)), sum(a.pagu for a in anak), realisasi, rencana,
                          any(a.punya_rencana for a in anak), anak, tercetak=b if b.dari_file else None)
        rencana = {tw: v for tw, v in b.rencana_tw.items() if v is not None}
        return Simpul(kode, b.uraian, len(segmen(kode)), b.pagu or 0, dict(b.realisasi_tw), rencana,
                      bool(rencana), [])

    return [bangun(k) for k in urut(anak_dari.get(None, []))]


def daun(simpul: list[Simpul]) -> list[Simpul]:
    out = []
    for s in simpul:
        out.extend(daun(s.anak) if s.anak else [s])
    return out


def ratakan(simpul: list[Simpul]) -> list[Simpul]:
    """Depth-first list of every node (parents before their children)."""
    out = []
    for s in simpul:
        out.append(s)
        out.extend(ratakan(s.anak))
    return out


def serapan(realisasi: int | float | None, pagu: int | float | None) -> float | None:
    """realisasi / pagu × 100; None without a pagu or without figures."""
    if realisasi is None or not pagu:
        return None
    return realisasi / pagu * 100


def pilih_pohon(baris: list[Baris]) -> str | None:
    """The program tree where the period has one, else the account tree."""
    pohon = {pohon_dari_kode(b.kode) for b in baris}
    if "program" in pohon:
        return "program"
    return "rekening" if pohon else None


def ke_per_triwulan(kumulatif: dict[int, int | None]) -> dict[int, int]:
    """Cumulative (s.d. TW) figures to per-quarter amounts; a TW without a figure is skipped."""
    out: dict[int, int] = {}
    sebelumnya = 0
    for tw in sorted(kumulatif):
        v = kumulatif[tw]
        if v is None:
            continue
        out[tw] = v - sebelumnya
        sebelumnya = v
    return out


def deviasi(realisasi_kumulatif: int | None, rencana_kumulatif: int | None) -> int | None:
    if realisasi_kumulatif is None or rencana_kumulatif is None:
        return None
    return realisasi_kumulatif - rencana_kumulatif


def ketertinggalan(serapan_sd: float | None, triwulan: int) -> float | None:
    """Serapan minus the time elapsed (25 % per elapsed TW): negative = behind."""
    if serapan_sd is None:
        return None
    return serapan_sd - 25 * triwulan
