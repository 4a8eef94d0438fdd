"""Helper processes that die with the build that started them.

A build killed from outside (Ctrl+C twice, a CI timeout, `kill -9`) gets no chance to stop its
image workers and page helpers; they went on encoding for minutes, holding CPU and cache files.
On Linux a process can ask the kernel to be sent a signal when its parent dies
(`prctl(PR_SET_PDEATHSIG)`); each helper asks for SIGTERM as it starts. Elsewhere nothing
changes: the helpers end when their work queue closes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def tie_to_parent(parent: int) -> bool:
    """Ask to be ended when the parent process (`parent`, its pid as the parent knew it) dies;
    True where the system allows it. Call it first thing in the helper."""
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        return False
    if os.getppid() != parent:  # the parent died before the request took effect (or forked us
        # from a thread since gone: the kernel ties the signal to the creating thread)
        os.kill(os.getpid(), signal.SIGTERM)
    return True
