"""``python -m gongwen.cli``: the command as the console script runs it."""
import sys

from . import main

if __name__ == "__main__":      # a process that imports this module (multiprocessing's spawn) runs nothing
    sys.exit(main())
