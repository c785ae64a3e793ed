@echo off
rem Starts Daleel's screens in a console window of its own: 100 columns by 30 lines (the
rem screens need at least 80x24), with a font that has Arabic letters. Double-click it, or
rem put a shortcut to it on the desktop (README-Windows.txt). Windows Terminal is used
rem where it is installed (Windows 11, current Windows 10): its fonts show Arabic. Else
rem the classic console, set for windows titled "Daleel" to Courier New (which has
rem Arabic letters) and 100x30 in the current user's settings (HKCU\Console\Daleel).
rem If Daleel stops with an error, the window waits for Enter so it can be read.
rem Arguments are passed on to daleel.exe (for example --data-dir "D:\Daleel data").
setlocal
if "%~1"=="--in-window" goto run
set "console=HKCU\Console\Daleel"
reg add "%console%" /v FaceName /t REG_SZ /d "Courier New" /f >nul 2>&1
reg add "%console%" /v FontFamily /t REG_DWORD /d 54 /f >nul 2>&1
reg add "%console%" /v FontSize /t REG_DWORD /d 0x00140000 /f >nul 2>&1
reg add "%console%" /v WindowSize /t REG_DWORD /d 0x001e0064 /f >nul 2>&1
reg add "%console%" /v ScreenBufferSize /t REG_DWORD /d 0x001e0064 /f >nul 2>&1
reg add "%console%" /v CodePage /t REG_DWORD /d 65001 /f >nul 2>&1
rem No ( ) block here: a path with a bracket (a second download unpacks into
rem "daleel-...-windows-x86_64 (1)", or "Program Files (x86)") would end it early.
where wt.exe >nul 2>&1
if errorlevel 1 goto classic
start "" wt.exe -w new --title Daleel --size 100,30 cmd /c ""%~f0" --in-window %*"
exit /b 0
:classic
start "Daleel" cmd /c ""%~f0" --in-window %*"
exit /b 0

:run
shift
chcp 65001 >nul 2>&1
mode con: cols=100 lines=30 >nul 2>&1
"%~dp0daleel.exe" %1 %2 %3 %4 %5 %6 %7 %8 %9
set "code=%errorlevel%"
rem 0: closed normally. 1: a refusal, which daleel.exe showed and waited for Enter after.
if "%code%"=="0" exit /b 0
if "%code%"=="1" exit /b 1
echo.
echo Daleel stopped unexpectedly (exit code %code%). Press Enter to close this window.
echo توقف دليل على نحو غير متوقع (رمز الخروج %code%). اضغط Enter لإغلاق هذه النافذة.
pause >nul
exit /b %code%
