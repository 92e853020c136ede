import { Text, View } from '@tarojs/components';
import { ComplaintCard } from '../../components/complaint-card';
import { RemoteView } from '../../components/remote-view';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

/** The owner's complaints and suggestions with their handling and the desk's replies. */
export function MyComplaints() {
  const mine = useRemote(() => call('service', 'myComplaints', {}), []);
  useRefreshOnReturn(mine.refresh);
  return (
    <RemoteView remote={mine}>
      {(view) =>
        view.items.length === 0 ? null : (
          <View className="service-list">
            <Text className="section-title">我的投诉建议</Text>
            {view.items.map((complaint) => (
              <ComplaintCard key={complaint.complaintId} complaint={complaint} />
            ))}
          </View>
        )
      }
    </RemoteView>
  );
}
