@echo off
rem Sparrow launcher of the distribution archive: needs only a JDK 17+ on PATH (or JAVA_HOME).
setlocal
set "SPARROW_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
rem JIT as bin/sparrow: C1 alone unless SPARROW_JIT=tiered (C1+C2, long busy sessions); graal needs the repository.
set "JIT=-XX:TieredStopAtLevel=1"
if "%SPARROW_JIT%"=="tiered" set "JIT="
if "%SPARROW_JIT%"=="graal" echo sparrow: SPARROW_JIT=graal needs the repository's ./sparrow (it fetches the Graal compiler); running C1 1>&2
if not "%SPARROW_JIT%"=="" if not "%SPARROW_JIT%"=="c1" if not "%SPARROW_JIT%"=="tiered" if not "%SPARROW_JIT%"=="graal" (
  echo sparrow: SPARROW_JIT is c1, tiered or graal, not '%SPARROW_JIT%' 1>&2
  exit /b 2
)
"%JAVA%" -Dpolyglotimpl.AttachLibraryFailureAction=ignore -XX:+UseSerialGC %JIT% -Xss4m %SPARROW_JAVA_OPTS% -cp "%SPARROW_HOME%\lib\*" dev.sparrow.cli.Main %*
exit /b %ERRORLEVEL%
