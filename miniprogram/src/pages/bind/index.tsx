import { Text, View } from '@tarojs/components';
import { BindNotice } from '../../components/bind-notice';
import { Cell, CellGroup } from '../../components/nutui';
import { Screen } from '../../components/screen';
import './index.css';

// What the binding check asks for (see binding.claim in @linli/shared); the form is a later issue.
const byRoom = [
  { title: '房号', description: '楼栋-单元-房号，如 1-1-1201' },
  { title: '业主姓名', description: '与物业登记的产权人姓名一致' },
  { title: '手机号后 4 位', description: '业主在物业登记的手机号' },
];

export default function Bind() {
  return (
    <Screen>
      <BindNotice showDetails={false} />
      <Text className="section-title">业主本人绑定，请准备</Text>
      <CellGroup>
        {byRoom.map((item) => (
          <Cell key={item.title} title={item.title} description={item.description} />
        ))}
      </CellGroup>
      <Text className="section-title">家庭成员或租户</Text>
      <CellGroup>
        <Cell title="邀请码" description="由业主或物业服务中心提供的 8 位邀请码" />
      </CellGroup>
      <View className="bind__note">
        <Text>绑定申请由物业核验，通过后即可查看房屋信息、缴费和报修。</Text>
      </View>
    </Screen>
  );
}
