"""What a memory test reads of the heap, cheaply enough to watch thousands of requests.

Two counts, because neither alone sees every leak:
- the interpreter's allocated blocks (`sys.getallocatedblocks`): every small object (up to
  512 bytes) kept, one block each, however much free room the allocator's arenas have;
- the C allocator's live bytes (glibc's `mallinfo2`: in use plus mapped), which see a large
  object kept (a rendered page, a parsed plan's big strings) that bypasses the blocks.
Tracing with tracemalloc sees both but slows the interpreter about 3x; it is the fallback
where glibc's `mallinfo2` is not there (macOS, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
import tracemalloc
from dataclasses import dataclass


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]  # fmt: skip


def _mallinfo2():  # type: ignore[no-untyped-def]
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        call = libc.mallinfo2
    except (OSError, AttributeError):
        return None
    call.restype = _MallInfo2
    return call


_MALLINFO2 = _mallinfo2()


@dataclass(frozen=True)
class Level:
    blocks: int
    mb: float


class Heap:
    """Readings of the heap after a full collection; `traced` says the bytes come from tracemalloc."""

    def __init__(self) -> None:
        self.traced = _MALLINFO2 is None

    def __enter__(self) -> Heap:
        if self.traced:
            tracemalloc.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.traced:
            tracemalloc.stop()

    def level(self) -> Level:
        gc.collect()
        if self.traced:
            used = tracemalloc.get_traced_memory()[0]
        else:
            info = _MALLINFO2()
            used = info.uordblks + info.hblkhd
        return Level(sys.getallocatedblocks(), used / 1e6)
