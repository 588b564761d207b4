@echo off
rem Sparrow launcher of the distribution archive: needs only a JDK 17+ on PATH (or JAVA_HOME).
setlocal
set "SPARROW_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -Dpolyglotimpl.AttachLibraryFailureAction=ignore -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m %SPARROW_JAVA_OPTS% -cp "%SPARROW_HOME%\lib\*" dev.sparrow.cli.Main %*
exit /b %ERRORLEVEL%
