import sys

from minutes_app.cli import main

sys.exit(main())
