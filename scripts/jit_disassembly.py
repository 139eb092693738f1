#!/usr/bin/env python3
"""Disassembles one C2-compiled method from a HotSpot code dump that has no disassembler plugin.

Without a working hsdis (Debian's libhsdis0-fcml exports only the old `decode_instructions`,
which JDK 17 does not call), `-XX:CompileCommand=print,...` prints each method's machine code as
hex words. This turns the last C2 (non-OSR) compilation of METHOD into objdump's Intel syntax.

    java -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,*VectorRowProduct.tile4x3 \
      --add-modules jdk.incubator.vector -jar cli-adapter/target/perceptron.jar \
      bench --layers 784,800,800,10 --threads 1 --epochs 1 --warmup 0 > dump.txt 2>&1
    python3 scripts/jit_disassembly.py dump.txt VectorRowProduct::tile4x3 | grep -B30 -A30 vfmadd

Needs objdump (binutils). x86-64 only.
"""
import re
import subprocess
import sys
import tempfile

HEX_LINE = re.compile(r"\s*0x([0-9a-f]+): ((?:[0-9a-f]{2,8} ?\|? ?)+)$")
OBJDUMP_LINE = re.compile(r"\s*([0-9a-f]+):\t(?:[0-9a-f]{2} )+\s*\t(.*)")


def machine_code(lines, method):
    """The bytes and start address of the last C2, non-OSR compilation of `method`."""
    starts = [i for i, line in enumerate(lines)
              if "Compiled method (c2)" in line and f"{method} (" in line and " % " not in line]
    if not starts:
        sys.exit(f"jit_disassembly.py: no C2 compilation of '{method}' in the dump "
                 "(print it with -XX:CompileCommand=print,*Class.method)")
    code, base = bytearray(), None
    for line in lines[starts[-1] + 1:]:
        if "Compiled method" in line or line.startswith("[Stub Code]"):
            break
        match = HEX_LINE.match(line)
        if match:
            address = int(match.group(1), 16)
            base = address if base is None else base
            code += b"\x90" * max(0, address - base - len(code))  # comments between words leave gaps
            code += bytes.fromhex(match.group(2).replace("|", "").replace(" ", ""))
    return code, base


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: scripts/jit_disassembly.py DUMP Class::method")
    try:
        with open(sys.argv[1], encoding="utf-8", errors="replace") as dump:
            code, base = machine_code(dump.read().split("\n"), sys.argv[2])
    except OSError as failure:
        sys.exit(f"jit_disassembly.py: cannot read the dump '{sys.argv[1]}': {failure.strerror}")
    with tempfile.NamedTemporaryFile(suffix=".bin") as binary:
        binary.write(code)
        binary.flush()
        try:
            listing = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", "-M", "intel",
                                      f"--adjust-vma={base:#x}", binary.name],
                                     capture_output=True, text=True, check=True).stdout
        except FileNotFoundError:
            sys.exit("jit_disassembly.py: objdump is needed; install binutils")
        except subprocess.CalledProcessError as failure:
            sys.exit(f"jit_disassembly.py: objdump failed: {failure.stderr.strip()}")
    for line in listing.split("\n"):
        match = OBJDUMP_LINE.match(line)
        if match and match.group(2).strip():  # objdump continues long encodings on bare lines
            print(match.group(1)[-6:], match.group(2))


if __name__ == "__main__":
    main()
