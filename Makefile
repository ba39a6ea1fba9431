# Two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

# Debian packages the app needs on Linux, and those the tests use besides.
RUN_DEBS := fonts-liberation2 fonts-symbola libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \
	libx11-xcb1 libegl1 libgl1 libfontconfig1 libglib2.0-0 fontconfig libportaudio2
# Recording and replay are tested on speech made by espeak-ng and sox, through PulseAudio.
TEST_DEBS := $(RUN_DEBS) poppler-utils libreoffice-writer-nogui xvfb postgresql \
	nsis p7zip-full desktop-file-utils appstream espeak-ng sox pulseaudio pulseaudio-utils
# Building the bundles: PyInstaller copies the run-time libraries and strips them (binutils,
# which also link two stand-ins for Windows libraries Wine lacks). The Windows bundle is
# built and tested under Wine, its interpreter's signatures checked by osslsigncode, its
# installer made by NSIS and listed by 7-Zip.
DIST_DEBS := $(RUN_DEBS) poppler-utils binutils wine64 nsis osslsigncode p7zip-full
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' minutes_app/__init__.py)
SETUP = dist/minutes-app-$(VERSION)-windows-x64-setup.exe

.PHONY: run test bench dist dist-wheel dist-linux dist-windows translations icons debs-run debs-test debs-dist clean

run: $(VENV)/.installed debs-run
	$(BIN)/minutes-app

test: $(VENV)/.installed-test debs-test
	$(BIN)/ruff check minutes_app tests packaging bench
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen MINUTES_APP_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# The benchmark and its targets (docs/performance.md); the generated data is kept in
# bench/.cache, the results written to bench/results.json. BENCH_ARGS="--only search" etc.
bench: $(VENV)/.installed-test debs-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(BENCH_ARGS)

# The wheel, the Linux bundle (dist/minutes-app/) and its tar.gz, the Windows bundle
# (dist/minutes-app-windows/) and its installer, each smoke-tested; see docs/packaging.md.
# The bundles are made from the wheel, built from a clean build/; build/cache keeps what the
# Windows build downloads. `make dist-windows` (or dist-linux) builds the wheel and one of them.
dist: dist-linux dist-windows

dist-wheel: $(VENV)/.installed-dist debs-dist
	rm -rf dist $(filter-out build/cache,$(wildcard build/*))
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist .

dist-linux: dist-wheel
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/minutes-app.spec
	cp packaging/linux/* dist/minutes-app/
	$(BIN)/python packaging/smoke_test.py dist/minutes-app
	tar -C dist -czf dist/minutes-app-$(VERSION)-linux-x86_64.tar.gz minutes-app

dist-windows: dist-wheel
	$(BIN)/python packaging/windows/build.py
	makensis -WX -V2 -DOUTFILE=$(CURDIR)/$(SETUP) packaging/windows/minutes-app.nsi
	$(BIN)/python packaging/windows/wine_smoke_test.py $(SETUP) dist/minutes-app-windows

# After changing a window string: update the .ts source (then translate what is new in it,
# e.g. with pyside6-linguist) and compile the .qm the app loads.
TS := resources/i18n/minutes_app_en.ts
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate minutes_app/ui/*.py -ts $(TS) -locations none -no-obsolete
	$(BIN)/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)
	$(BIN)/pyside6-lrelease resources/i18n/qt_vi.ts -qm resources/i18n/qt_vi.qm

# After changing resources/icons/minutes-app.svg: render its PNG sizes and the Windows .ico.
icons: $(VENV)/.installed
	$(BIN)/python packaging/render_icons.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dist: pyproject.toml $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-test: pyproject.toml $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

debs-run:
	@./packaging/install-debs.sh $(RUN_DEBS)

debs-test:
	@./packaging/install-debs.sh $(TEST_DEBS)

debs-dist:
	@./packaging/install-debs.sh $(DIST_DEBS)

clean:
	rm -rf $(VENV) build dist *.egg-info
