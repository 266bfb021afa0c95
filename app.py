"""The pmkg app for policy staff: ``streamlit run app.py`` (or ``pmkg app``). The shell is ui/shell.py."""

from pmkg.ui.shell import main

main()
