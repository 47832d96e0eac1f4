"""A finding of the check: one printed figure that does not follow from its inputs, or from the database."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from dashboard import format as fmt

JENIS_TEMUAN = {
    "capaian": "capaian tidak sesuai target dan realisasi",
    "rata_rata": "rata-rata capaian tidak sesuai",
    "persen": "persentase tidak sesuai realisasi dan pagu",
    "sisa": "sisa tidak sesuai pagu dan realisasi",
    "jumlah": "jumlah tidak sama dengan rinciannya",
    "nrr_rentang": "NRR di luar 1–4",
    "nrr_rata": "NRR gabungan tidak sesuai NRR unsur",
    "ikm": "IKM tidak sesuai NRR",
    "efisiensi": "efisiensi tidak sesuai capaian dan serapan",
    "basis_data": "berbeda dari data tersimpan",
}


@dataclass
class Temuan:
    tabel: int  # the table's number in the document
    nama_tabel: str
    baris: int  # the row in the table, counted as the user sees it (header rows included)
    label: str  # the row's label (indicator, program, unsur …)
    kolom: str  # the column's header as printed
    tercetak: str  # the figure as printed
    nilai: float | None  # the printed figure read
    seharusnya: float | None  # what follows from its inputs (or what the database holds); None: no one value
    desimal: int  # decimals to show `seharusnya` with
    penjelasan: str
    jenis: str  # a key of JENIS_TEMUAN

    @property
    def selisih(self) -> float | None:
        if self.nilai is None or self.seharusnya is None:
            return None
        return float(Decimal(repr(self.nilai)) - Decimal(repr(self.seharusnya)))

    def teks_seharusnya(self) -> str:
        if self.seharusnya is None:
            return "1–4" if self.jenis == "nrr_rentang" else fmt.KOSONG
        return fmt.angka(self.seharusnya, self._desimal())

    def teks_selisih(self) -> str:
        s = self.selisih
        if s is None:
            return fmt.KOSONG
        return ("+" if s > 0 else "") + fmt.angka(s, self._desimal())

    def _desimal(self) -> int:
        return min(max(self.desimal, 2), 6)

    def json(self) -> dict:
        d = asdict(self)
        d["selisih"] = self.selisih
        return d
