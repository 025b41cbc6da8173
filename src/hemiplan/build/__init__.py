"""Stage 6, the build: plan, kernels and execution, cache, assembly, publish, profile
expansion, the benchmark and the Sphinx extension."""
from hemiplan.build.pipeline import (BOOK_FILES, BuildError, Job, Plan, build, cached_notebook, execute, explain, plan,
                                     read_toc, refresh, toc_files)
