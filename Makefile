# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
# `make run PORT=8600` for another port; the app answers on this computer only (127.0.0.1).
PORT ?= 8501
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.terpasang

.PHONY: run test install benchmark

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m dashboard db upgrade
	$(PY) -m dashboard demo --jika-kosong
	$(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT)

test: install
	$(PY) -m pytest -n 2

benchmark: install
	$(PY) tests/benchmarks/run_all.py
