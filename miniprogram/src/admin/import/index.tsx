import { call } from '../../services/api';
import { SheetCard } from '../components/sheet-card';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { ImportSection } from './import-section';
import './index.css';

/** Sheets in and out of an estate: the template and the import for admins, the export for finance too. */
export default function Sheets() {
  return (
    <StaffPage allow={staffPageRoles.sheets}>
      {({ estateId, has }) => (
        <>
          {has('admin') ? (
            <SheetCard
              title="下载导入模板"
              verb="下载"
              description="按模板填写楼栋、房屋、业主与车位。第一行为表头，请勿修改；模板中附有示例与填写说明。"
              fetch={(format) => call('property', 'importTemplate', { format })}
            />
          ) : null}
          <SheetCard
            title="导出房屋信息"
            verb="导出"
            description="按导入模板的格式导出本小区的房屋与业主，可修改后再导入。"
            note="导出文件含完整手机号与身份证号，导出操作会被记录，请妥善保管。"
            fetch={(format) => call('property', 'exportSheet', { estateId, format })}
          />
          {has('admin') ? <ImportSection key={estateId} estateId={estateId} /> : null}
        </>
      )}
    </StaffPage>
  );
}
