#!/usr/bin/env python3
"""Writes an XLSX whose first sheet is about MB megabytes of XML (39 unless told) in the exchange format,
plus a small second sheet; inline strings, as some exporters write them. Usage: make-figures-xlsx.py out [MB]"""
import sys, zipfile

out = sys.argv[1]
target = float(sys.argv[2]) if len(sys.argv) > 2 else 39.0
target_bytes = int(target * 1024 * 1024)
ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
        '<sheet name="figures" sheetId="1" r:id="rId1"/><sheet name="other" sheetId="2" r:id="rId2"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>')
    rows = 0
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as sheet:
        head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>'.encode()
        head += ('<row r="1">' + inline('A1', 'metric_zh') + inline('B1', 'unit') + inline('C1', 'value') + inline('D1', 'note') + '</row>').encode()
        sheet.write(head)
        written = len(head)
        tail = b'</sheetData></worksheet>'
        r = 1
        while True:
            r += 1
            row = (f'<row r="{r}">' + inline(f'A{r}', f'基准指标{r:07d}') + inline(f'B{r}', '个') + f'<c r="C{r}"><v>{r * 7 % 99991}</v></c>'
                   + inline(f'D{r}', f'第{r}行，由 bench/make-figures-xlsx.py 写出') + '</row>').encode()
            if written + len(row) + len(tail) > target_bytes:
                break
            sheet.write(row)
            written += len(row)
            rows += 1
        sheet.write(tail)
    z.writestr('xl/worksheets/sheet2.xml', f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData><row r="1">{inline("A1", "ignored")}</row></sheetData></worksheet>')
print(rows)
