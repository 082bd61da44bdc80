#!/bin/sh
# make-seeds.sh: writes the seed corpora in corpus/ (see README.md)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Needs printf, iconv and zip. Run from anywhere; it rewrites the seeds
# (files named seed-*) and leaves crash reproducers (crash-*) alone. All
# people and numbers are made up; the identity numbers are valid.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/../fixtures
corpus=$here/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$corpus/csv" "$corpus/xlsx" "$corpus/id-number" "$corpus/date" "$corpus/hours-row"
rm -f "$corpus"/*/seed-*

# CSV --------------------------------------------------------------------

csv=$corpus/csv
hours_csv='身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期
411102198203150319,张伟,2018,公需科目,是,6,,"专业技术人员职业道德与诚信建设",2018-05-06
411103199007210426,李秀英,2018,专业科目,,1.5,1,"护理新技术专题讲座, 第二期",2018/6/12
411104198802030266,刘芳,2018年,专业,,24学时,2,"河南省""中小学""教师
继续教育培训",2018年7月15日
'
printf '%s' "$hours_csv" | sed 's/$/\r/' > "$csv/seed-hours-utf8-crlf.csv"
printf '\357\273\277%s' "$hours_csv" > "$csv/seed-hours-utf8-bom-lf.csv"
printf '%s' "$hours_csv" | iconv -f UTF-8 -t GB18030 > "$csv/seed-hours-gb18030.csv"
cp "$fixtures/roster-gb18030.csv" "$csv/seed-roster-gb18030-crlf.csv"
printf '\377\376' > "$csv/seed-hours-utf16le-bom.csv"
printf '%s' "$hours_csv" | sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16LE >> "$csv/seed-hours-utf16le-bom.csv"
printf '\376\377' > "$csv/seed-hours-utf16be-bom.csv"
printf '%s' "$hours_csv" | iconv -f UTF-8 -t UTF-16BE >> "$csv/seed-hours-utf16be-bom.csv"
printf 'a,b,c\r1,"x\r\ny",\r,,\r\n\n"",""""\n2,"3"tail,4\n' > "$csv/seed-line-ends.csv"
printf '姓名,备注\n王五,"never closed\n' > "$csv/seed-unclosed-quote.csv"
printf '\357\273\277\n\n' > "$csv/seed-bom-only.csv"
printf 'name,note\nA,caf\351\n' > "$csv/seed-latin1.csv"
printf '<!DOCTYPE html>\n<html><table><tr><td>1</td></tr></table></html>\n' > "$csv/seed-web-page.xls"
printf '\320\317\021\340\241\261\032\341\0\0\0\0' > "$csv/seed-ole2.xls"

# XLSX -------------------------------------------------------------------
# Real ZIPs, then parts in the text form fuzz-xlsx.c packs into a ZIP.

xlsx=$corpus/xlsx
cp "$fixtures/hours.xlsx" "$xlsx/seed-hours-libreoffice.xlsx"

sheet_ns=http://schemas.openxmlformats.org/spreadsheetml/2006/main
rel_ns=http://schemas.openxmlformats.org/officeDocument/2006/relationships
pkg_ns=http://schemas.openxmlformats.org/package/2006/relationships

mkdir -p "$tmp/zip/xl/_rels" "$tmp/zip/xl/worksheets"
workbook="<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<workbook xmlns=\"$sheet_ns\" xmlns:r=\"$rel_ns\"><sheets><sheet name=\"学时\" sheetId=\"3\" r:id=\"rId7\"/><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
rels="<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<Relationships xmlns=\"$pkg_ns\"><Relationship Id=\"rId1\" Type=\"$rel_ns/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId7\" Type=\"$rel_ns/worksheet\" Target=\"/xl/worksheets/first.xml\"/><Relationship Id=\"rId9\" Type=\"$rel_ns/sharedStrings\" Target=\"strings/../sst.xml\"/><Relationship Id=\"rId2\" Type=\"$rel_ns/hyperlink\" Target=\"http://example.com/\" TargetMode=\"External\"/></Relationships>"
sst="<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<x:sst xmlns:x=\"$sheet_ns\" count=\"4\" uniqueCount=\"4\"><x:si><x:t>姓名</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>王</x:t></x:r><x:r><x:t xml:space=\"preserve\"> 堃</x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>wang</x:t></x:rPh><x:phoneticPr fontId=\"1\"/></x:si><x:si/><x:si><x:t>a_x000D_b_x005F_x000D_</x:t></x:si></x:sst>"
first="<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<worksheet xmlns=\"$sheet_ns\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>备注</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\"><v>4.1010219800101101E+17</v></c><c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"F2\" t=\"str\"><f>A2&amp;\"x\"</f><v>王 堃x</v></c></row><row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\"/></row><row r=\"5\" spans=\"1:3\"><c r=\"C5\" t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>fu</t></rPh></is></c><c r=\"A5\"><v>43226</v></c></row><row><c><v>1</v></c><c t=\"s\"><v>3</v></c><c><v>-2.5</v></c></row><row r=\"9\"/><row r=\"10\"><c r=\"XFD10\" t=\"d\"><v>2018-05-06T00:00:00</v></c></row></sheetData></worksheet>"
other="<worksheet xmlns=\"$sheet_ns\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>"

printf '%s' "$workbook" > "$tmp/zip/xl/workbook.xml"
printf '%s' "$rels" > "$tmp/zip/xl/_rels/workbook.xml.rels"
printf '%s' "$sst" > "$tmp/zip/xl/sst.xml"
printf '%s' "$first" > "$tmp/zip/xl/worksheets/first.xml"
printf '%s' "$other" > "$tmp/zip/xl/worksheets/sheet1.xml"
printf '<Types/>' > "$tmp/zip/[Content_Types].xml"
# a fixed time, so that the ZIPs come out the same on every run
find "$tmp/zip" -exec env TZ=UTC touch -d '2018-05-06 00:00:00' {} +
(cd "$tmp/zip" && zip -q -X -D -9 "$tmp/deflated.zip" '[Content_Types].xml' xl/workbook.xml \
   xl/_rels/workbook.xml.rels xl/sst.xml xl/worksheets/first.xml xl/worksheets/sheet1.xml)
(cd "$tmp/zip" && zip -q -X -D -0 "$tmp/stored.zip" xl/worksheets/sheet1.xml)
cp "$tmp/deflated.zip" "$xlsx/seed-synthetic-deflated.xlsx"
cp "$tmp/stored.zip" "$xlsx/seed-sheet-only-stored.xlsx"
printf 'PK\005\006\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' > "$xlsx/seed-empty-zip.xlsx"

{
  printf '== xl/workbook.xml\n%s\n' "$workbook"
  printf '== xl/_rels/workbook.xml.rels\n%s\n' "$rels"
  printf '== xl/sst.xml\n%s\n' "$sst"
  printf '== xl/worksheets/first.xml\n%s\n' "$first"
  printf '== xl/worksheets/sheet1.xml\n%s' "$other"
} > "$xlsx/seed-parts-synthetic.txt"

printf '%s' "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>身份证号</t></is></c><c t=\"inlineStr\"><is><t>学时</t></is></c></row><row r=\"2\"><c t=\"str\"><v>411102198203150319</v></c><c><v>1.5000000000000002</v></c></row><row r=\"4\"><c r=\"AA4\"><v>43226</v></c></row></sheetData></worksheet>" \
  > "$xlsx/seed-parts-bare-sheet.txt"

{
  printf '== xl/workbook.xml\n<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>\n'
  printf '== xl\\_rels\\workbook.xml.rels\n<Relationships xmlns="%s"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="./worksheets/../worksheets/s.xml"/><Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>\n' "$pkg_ns"
  printf '== /xl/sharedStrings.xml\n<sst><si><t>年度</t></si><si><r><t>20</t></r><r><t>18</t></r></si></sst>\n'
  printf '== xl/worksheets/s.xml\n<worksheet><sheetData><row><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c><c t="s"><v>7</v></c></row></sheetData></worksheet>'
} > "$xlsx/seed-parts-strict.txt"

{
  printf '== mimetype\napplication/vnd.oasis.opendocument.spreadsheet\n'
  printf '== content.xml\n<office:document-content/>'
} > "$xlsx/seed-parts-ods.txt"

{
  printf '== xl/worksheets/sheet1.xml\n<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n  <!ENTITY a "aaaa">\n  <!ENTITY b "&a;&a;&a;&a;">\n]>\n'
  printf '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>x&xxe;y&b;</t></is></c><c t="inlineStr"><is><t><![CDATA[<cdata>]]></t></is></c></row></sheetData></worksheet>'
} > "$xlsx/seed-parts-entities.txt"

# Identity numbers -------------------------------------------------------

id=$corpus/id-number
n=0
for text in 11010519491231002X 440524188001010014 410102200002291237 \
            '11010519491231002x' '１１０１０５１９４９１２３１００２Ｘ' '440524１８８００１０１００１４' \
            '　360426199101010071　' "'360426199101010071" "$(printf '\357\273\277360426199101010071\302\240')" \
            110105491231002 360426910101007 11010549123100X \
            110105194912310021 110105194902310026 990102198001011232 410102198001011000 \
            410102203001011233 410100202002291237 '4.10102E+17' '4.1010219800101101E+17' '４．１０１０２Ｅ＋１７' \
            '410102-19800101-1248' 4101021980010112480 '男' 'female'; do
  n=$((n + 1))
  printf '%s' "$text" > "$id/seed-$(printf %02d $n)"
done

# Dates ------------------------------------------------------------------

date=$corpus/date
n=0
for text in 2018-05-06 2018-5-6 2018/05/06 2018.5.6 '2018年5月6日' '2018 年 5 月 6 号' '2018年5月6' \
            '２０１８－０５－０６' '２０１８年５月６日' '　2018/5/6　' 20180506 '2018/5/6 0:00' \
            '2018-05-06 08:30:00' '2018-05-06T08:30:00.000' 2020-02-29 2019-02-29 2018-13-01 \
            43226 43226.999988426 1 59 60 61 73415 73416 2018 2018.5 1899-12-31 2101-01-01 \
            '2018-05-06 25:00' '2018-5' ''; do
  n=$((n + 1))
  printf '%s' "$text" > "$date/seed-$(printf %02d $n)"
done

# Hours rows -------------------------------------------------------------
# One cell a line: identity number, name, year, category, compulsory,
# hours, kind, title, date, plan reference, variant, absence, months.

rows=$corpus/hours-row
row () {
  name=$1
  shift
  : > "$rows/seed-$name"
  for cell in "$@"; do
    printf '%s\n' "$cell" >> "$rows/seed-$name"
  done
}
row public-compulsory 411102198203150319 张伟 2018 公需科目 是 6 '' 专业技术人员职业道德与诚信建设 2018-05-06
row public-makeup 411103199306140579 赵堃 2017 公需 '√' 4.5 '' '2017年度公需科目补学' 43160
row professional-kind1 411103199007210426 李秀英 2018.0 专业科目 '' 1.5 1 护理新技术专题讲座 '2018/6/12'
row professional-kind2 411104198802030266 刘芳 '2018年度' professional no '24学时' 2.0 中小学教师培训 '2018年7月15日'
row kind3-default 411104198802030266 刘芳 2018 专业 '' 30 3 '在职研究生' 2018-09-01
row kind6-variant 411104198802030266 刘芳 2018 专业 '' 10 6 '论文' 2018-10-01 '' paper
row kind13-plan 411104198802030266 刘芳 2018 专业 '' 8 13 '单位培训' 2018-11-11 '漯人社备〔2018〕3号'
row kind15-absence 411104198802030266 刘芳 2018 专业 '' 1 15 '境外工作' 2018-12-01 '' '' abroad 8
row kind15-maternity 411104198802030266 刘芳 2018 专业 '' 1 15 '生育' 2018-12-01 '' maternity maternity 3
row bad-fields 411104198802030265 刘芳 1989 其他 也许 0.25 17 '' 2018-02-30
