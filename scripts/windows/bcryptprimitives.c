/* A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test only
 * (scripts/windows-build.sh): Rust's standard library (1.78 and later) takes its random
 * numbers from ProcessPrng in that DLL, which Wine has only from version 9. This one
 * answers ProcessPrng with RtlGenRandom (SystemFunction036 in advapi32), which every Wine
 * and Windows has. It is built beside the test's copy of daleel.exe and never ships in a
 * release archive: real Windows (10 and later) has the DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
