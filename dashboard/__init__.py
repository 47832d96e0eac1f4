"""Pantau Triwulan: quarterly monitoring of a kecamatan. Everything here runs without Streamlit."""
