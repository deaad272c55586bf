/**
 * Defined names come with the grid (for a host that recalculates), and the workbench's
 * Open reads a file exactly as the CLI does.
 */
import { promises as fs } from 'node:fs';
import { readWorkbookPackage } from '../../../src/host/xlsx/fast/read-package';
import type { ZipPackage } from '../../../src/host/xlsx/fast/zip';
import { readWorkbookBytesAsFile } from '../../../src/host/xlsx/read-bytes';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { ALL_XLSX_FIXTURES, fixturePath } from '../../fixtures/build-fixtures';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function fakePackage(definedNames: string): ZipPackage {
  const parts: Record<string, string> = {
    '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="Rates &amp; bands" sheetId="3" r:id="rId3"/></sheets>${definedNames}</workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `<worksheet ${NS}><sheetData/></worksheet>`,
  };
  return { has: (name) => name in parts, text: (name) => parts[name] };
}

describe('defined names', () => {
  test('workbook-wide and sheet-scoped names, scoped by the sheet they name (chart sheets count), text decoded', () => {
    const workbook = readWorkbookPackage(
      fakePackage(
        '<definedNames>' +
          '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Data!$A$1:$C$9</definedName>' +
          "<definedName name=\"Bands\">'Rates &amp; bands'!$A$2:$B$10</definedName>" +
          '<definedName name="Local" localSheetId="2">\'Rates &amp; bands\'!$C$1</definedName>' +
          '<definedName name="Label">"Q2 &quot;draft&quot;"</definedName>' +
          '<definedName name="Linked">[1]Forecast!$C$4</definedName>' +
          '<definedName name="Empty"></definedName>' +
          '</definedNames>',
      ),
    );
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Data', 'Rates & bands']);
    expect(workbook.definedNames).toEqual([
      { name: '_xlnm._FilterDatabase', formula: '=Data!$A$1:$C$9', sheet: 'Data' },
      { name: 'Bands', formula: "='Rates & bands'!$A$2:$B$10" },
      { name: 'Local', formula: "='Rates & bands'!$C$1", sheet: 'Rates & bands' },
      { name: 'Label', formula: '="Q2 "draft""' },
      { name: 'Linked', formula: '=[1]Forecast!$C$4' },
    ]);
  });

  test('a workbook without names has no definedNames', () => {
    expect(readWorkbookPackage(fakePackage('')).definedNames).toBeUndefined();
  });
});

describe("the workbench's Open reads as the CLI does", () => {
  it.each(Object.keys(ALL_XLSX_FIXTURES))('fixture %s', async (name) => {
    const bytes = await fs.readFile(fixturePath(name));
    expect(await readWorkbookBytesAsFile(new Uint8Array(bytes), `${name}.xlsx`)).toEqual(await readWorkbookFile(fixturePath(name)));
  });
});
