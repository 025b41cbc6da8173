from hemiplan.cli import main

# Guarded: build workers are spawned processes, which import the main module again.
if __name__ == "__main__":
    raise SystemExit(main())
