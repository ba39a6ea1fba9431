# Stand-ins for two libraries of Windows 10 that Wine 8 lacks and that the bundle's
# libraries import, so that they load at all under Wine. For the Wine prefixes of the build
# and of the smoke test only, never shipped: on Windows the system's own are used.
# wine.py assembles this file with Debian's binutils and links it twice:
#
# - icuuc.dll, Windows' ICU (Windows 10 1903 and later), from which Qt6Core.dll imports
#   the character converters. Qt asks ICU only for encodings it lacks itself (UTF-8,
#   UTF-16 and Latin-1 are its own): here every converter is missing, as in a minimal ICU.
#   ucnv_open below says so; every other function Qt imports is `nothing`.
# - bcryptprimitives.dll, whose ProcessPrng gives Rust programs (rpds, for jsonschema)
#   random bytes: forwarded to advapi32's RtlGenRandom, which Wine has. Only DllMain here.

    .text

    .globl DllMain
DllMain:                        # BOOL DllMain(HINSTANCE, DWORD, LPVOID): loaded
    mov     $1, %eax
    ret

    .globl ucnv_open
ucnv_open:                      # UConverter *ucnv_open(const char *name, UErrorCode *status)
    test    %rdx, %rdx
    jz      1f
    movl    $4, (%rdx)          # U_FILE_ACCESS_ERROR: no such converter
1:  xor     %eax, %eax          # NULL
    ret

    .globl nothing
nothing:                        # 0, NULL or nothing done
    xor     %eax, %eax
    ret
