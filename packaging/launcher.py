"""The bundle's entry point: the same ``minutes-app`` command as the wheel installs."""

import sys

from minutes_app.cli import main

sys.exit(main())
