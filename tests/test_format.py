"""Indonesian display formats through Babel."""

from datetime import date, datetime

from dashboard import format as fmt


def test_rupiah_dan_persen():
    assert fmt.rupiah(8102188741.16) == "Rp 8.102.188.741,16"
    assert fmt.rupiah(-1500) == "-Rp 1.500,00"
    assert fmt.persen(87.2625) == "87,26 %"
    assert fmt.persen(88.125) == "88,13 %"  # half up, not half even
    assert fmt.persen(None) == "—"
    assert fmt.angka(float("nan")) == "—"
    assert fmt.angka(1234567, 0) == "1.234.567"
    assert fmt.poin(1.254) == "+1,25 poin"
    assert fmt.poin(-0.5) == "-0,50 poin"


def test_ringkas_dan_nilai():
    assert fmt.rupiah_ringkas(8102188741.16) == "Rp 8,10 M"
    assert fmt.rupiah_ringkas(42635563) == "Rp 42,64 jt"
    assert fmt.nilai(77.77, "%") == "77,77 %"
    assert fmt.nilai(0.64, "Rasio") == "0,64"


def test_tanggal_dan_triwulan():
    assert fmt.tanggal(date(2026, 2, 6)) == "6 Februari 2026"
    assert fmt.waktu(datetime(2026, 2, 6, 13, 5)) == "6 Februari 2026 13.05"
    assert fmt.triwulan(3) == "TW III"
