; Windows installer of the one-folder app (dist\minutes-app, built by PyInstaller), in
; Vietnamese: makensis packaging\windows\minutes-app.nsi (see docs/packaging.md).
; Installs for the current user, with no administrator rights needed: the app in
; %LOCALAPPDATA%\Programs, a Start-menu entry, and an uninstaller in "Apps & features".
; The file is UTF-8 with a byte order mark, which makensis needs to read Vietnamese.

Unicode True
!include "MUI2.nsh"

!define APP_NAME "Biên bản hội nghị"
!define APP_EXE "minutes-app.exe"
!define CLI_EXE "minutes-app-cli.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\minutes-app"
; makensis works in this folder: paths are relative to it. The version is the package's own.
!searchparse /file "../../minutes_app/__init__.py" '__version__ = "' VERSION '"'
!ifndef SOURCE
  !define SOURCE "../../dist/minutes-app"
!endif
!ifndef OUTFILE
  !define OUTFILE "../../dist/bien-ban-hoi-nghi-${VERSION}-setup.exe"
!endif

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define MUI_ICON "minutes-app.ico"
!define MUI_UNICON "minutes-app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

Section "${APP_NAME}"
  SetShellVarContext current
  ; An earlier version's files go first, so none of them is left beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}/*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; The archive and its backups are the user's data (%LOCALAPPDATA%\minutes-app): kept.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
