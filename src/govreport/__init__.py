"""govreport: writes the yearly 法治政府建设年度报告 as an official-format .docx."""

__version__ = "0.1.0"
