#!/usr/bin/env python3
"""Collects the UI strings (T["..."], t["..."], ErrorMessage = "...", Display(Name = "...")) from
src/Frivillig.Web and writes them to Resources/SharedResource.resx, the neutral (Norwegian Bokmål)
resource file. The Norwegian text is the key, so a translation (SharedResource.en.resx) maps each
key to its English text. Run after adding strings; a unit test fails while the file is out of date."""
import pathlib, re, sys
from xml.sax.saxutils import escape

root = pathlib.Path(__file__).resolve().parent.parent / "src" / "Frivillig.Web"
patterns = [
    re.compile(r'\b[Tt]\["((?:[^"\\]|\\.)*)"'),
    re.compile(r'ErrorMessage\s*=\s*"((?:[^"\\]|\\.)*)"'),
    re.compile(r'Display\(Name\s*=\s*"((?:[^"\\]|\\.)*)"'),
    re.compile(r'=>\s*"([^"]+)",\s*$', re.M),  # label switch arms in *Kinds.cs / *Labels.cs
    re.compile(r': base\("((?:[^"\\]|\\.)*)"\)'),
    re.compile(r'AddNavigationLink\(new\("((?:[^"\\]|\\.)*)"'),  # menu labels in feature modules
]
keys = set()
for path in list(root.rglob("*.cshtml")) + list(root.rglob("*.cs")):
    if "/bin/" in str(path) or "/obj/" in str(path):
        continue
    text = path.read_text(encoding="utf-8")
    for i, pattern in enumerate(patterns):
        if i == 3 and not (path.name.endswith("Kinds.cs") or path.name.endswith("Labels.cs")):
            continue
        for m in pattern.finditer(text):
            keys.add(m.group(1).replace('\\"', '"'))

out = ['<?xml version="1.0" encoding="utf-8"?>', "<root>",
       '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
       '  <resheader name="version"><value>2.0</value></resheader>',
       '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
       '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
seen = {}
for key in sorted(keys):
    if key.lower() in seen:
        sys.exit(f"'{key}' and '{seen[key.lower()]}' differ only in case; resource names are case-insensitive. Use one.")
    seen[key.lower()] = key
for key in sorted(keys):
    out.append(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(key)}</value></data>')
out.append("</root>")
target = root / "Resources" / "SharedResource.resx"
target.write_text("\n".join(out) + "\n", encoding="utf-8")
print(f"{len(keys)} strings -> {target.relative_to(root.parent.parent)}")
