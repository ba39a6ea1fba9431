; Windows installer of the one-folder app (dist\minutes-app-windows, built by PyInstaller):
; makensis packaging\windows\minutes-app.nsi (see docs/packaging.md).
; Installs for the current user, with no administrator rights needed: the app in
; %LOCALAPPDATA%\Programs, a Start-menu entry, an optional desktop shortcut, and an
; uninstaller in Settings > Apps. In Vietnamese, in English where Windows is neither in
; Vietnamese nor set to Vietnamese formats.
; The file is UTF-8 with a byte order mark, which makensis needs to read Vietnamese.

; A 64-bit installer, like the app: it also runs under Wine's 64-bit loader, where the
; smoke test of `make dist` installs, upgrades and uninstalls it.
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "WinVer.nsh"

!define APP_NAME "Biên bản hội nghị"
!define APP_EXE "minutes-app.exe"
!define CLI_EXE "minutes-app-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\minutes-app"
; The user's data, which the uninstaller leaves alone: the archive and its backups
; (platformdirs' user_data_dir), and the settings (QSettings: HKCU\Software\minutes-app).
!define DATA_DIR "$LOCALAPPDATA\minutes-app"
; makensis works in this folder: paths are relative to it. The version is the package's own.
!searchparse /file "../../minutes_app/__init__.py" '__version__ = "' VERSION '"'
!ifndef SOURCE
  !define SOURCE "../../dist/minutes-app-windows"
!endif
!ifndef OUTFILE
  !define OUTFILE "../../dist/minutes-app-${VERSION}-windows-x64-setup.exe"
!endif

Name "${APP_NAME} ${VERSION}"
BrandingText "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
; zlib file by file, not solid: files that are byte for byte the same (the Python code of
; the two programs, 13 MB) are then stored once. LZMA would make it smaller but takes over
; ten minutes here, against two for zlib.
SetCompressor zlib
ManifestDPIAware true

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APP_NAME}"

!define MUI_ICON "minutes-app.ico"
!define MUI_UNICON "minutes-app.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsData)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the one used when Windows' is not among them.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Vietnamese"

LangString DesktopShortcut ${LANG_VIETNAMESE} "Lối tắt trên màn hình nền"
LangString DesktopShortcut ${LANG_ENGLISH} "Desktop shortcut"
LangString AppRunning ${LANG_VIETNAMESE} "${APP_NAME} đang chạy. Hãy đóng mọi cửa sổ của ứng dụng (công việc đã được lưu), rồi bấm Thử lại."
LangString AppRunning ${LANG_ENGLISH} "${APP_NAME} is running. Close all of its windows (your work is saved), then choose Retry."
LangString OldWindows ${LANG_VIETNAMESE} "${APP_NAME} cần Windows 10 bản 1903 (tháng 5/2019) trở về sau, hoặc Windows 11."
LangString OldWindows ${LANG_ENGLISH} "${APP_NAME} needs Windows 10 version 1903 (May 2019) or later, or Windows 11."
LangString KeepsData ${LANG_VIETNAMESE} "Chương trình sẽ được gỡ khỏi máy. Kho lưu trữ các cuộc họp, các bản sao lưu (thư mục ${DATA_DIR}) và phần cài đặt của bạn được giữ nguyên: cài lại ứng dụng là thấy lại tất cả."
LangString KeepsData ${LANG_ENGLISH} "The program will be removed. The archive of meetings, its backups (folder ${DATA_DIR}) and your settings are kept: install the app again to find them all."

; Vietnamese also on an English Windows whose formats (region) are Vietnamese.
!macro PICK_LANGUAGE
  System::Call "kernel32::GetUserDefaultLangID() i .r0"
  IntOp $0 $0 & 0x3FF
  ${If} $0 = 0x2A
    StrCpy $LANGUAGE ${LANG_VIETNAMESE}
  ${EndIf}
!macroend

; A running program's files cannot be replaced: ask to close it, as long as it runs (a
; program file that runs cannot be opened for writing).
!macro CHECK_NOT_RUNNING FILE
  ${If} ${FileExists} "${FILE}"
    FileOpen $0 "${FILE}" a
    ${IfNot} ${Errors}
      FileClose $0
    ${EndIf}
  ${EndIf}
!macroend
!macro CLOSE_APP
  ${Do}
    ClearErrors
    !insertmacro CHECK_NOT_RUNNING "$INSTDIR\${APP_EXE}"
    !insertmacro CHECK_NOT_RUNNING "$INSTDIR\${CLI_EXE}"
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
!macroend

Section "${APP_NAME}" SecApp
  SectionIn RO
  SetShellVarContext current
  !insertmacro CLOSE_APP
  ; An earlier version's files go first, so none of them is left beside the new ones.
  ; Only the program's own folder: the user's data is elsewhere (DATA_DIR).
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}/*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(DesktopShortcut)" SecDesktop
  SetShellVarContext current
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; Unticked on an upgrade: the shortcut an earlier install made goes too.
Section "-" SecNoDesktop
  SetShellVarContext current
  ${IfNot} ${SectionIsSelected} ${SecDesktop}
    Delete "$DESKTOP\${APP_NAME}.lnk"
  ${EndIf}
SectionEnd

Function .onInit
  !insertmacro PICK_LANGUAGE
  ; Qt takes the Unicode library (icu.dll) from Windows, which has it since Windows 10 1903.
  ${IfNot} ${AtLeastBuild} 18362
    MessageBox MB_OK|MB_ICONSTOP "$(OldWindows)" /SD IDOK
    Abort
  ${EndIf}
  ; An upgrade keeps the choice made at the first install.
  SetShellVarContext current
  ReadRegStr $1 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $1 != ""
  ${AndIfNot} ${FileExists} "$DESKTOP\${APP_NAME}.lnk"
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro PICK_LANGUAGE
FunctionEnd

; The program and its shortcuts only. Never DATA_DIR nor the settings (the archive, its
; backups, the registry key): KeepsData tells the user so.
Section "Uninstall"
  SetShellVarContext current
  !insertmacro CLOSE_APP
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\minutes-app.pkg"
  Delete "$INSTDIR\minutes-app-cli.pkg"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
