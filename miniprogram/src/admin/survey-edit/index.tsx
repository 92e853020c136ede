import { useRouter } from '@tarojs/taro';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { surveyPageRoles } from '../surveys/roles';
import { SurveyForm } from './survey-form';
import './index.css';

/** The survey builder: a new survey (`?estateId=`) or a draft (`?id=`); ordering, preview, publish. */
export default function SurveyEdit() {
  const { id, estateId: listedIn } = useRouter().params;
  return (
    <StaffPage allow={surveyPageRoles} pickEstate={false}>
      {({ estateId }) => <Builder surveyId={id} estateId={listedIn ?? estateId} />}
    </StaffPage>
  );
}

function Builder({ surveyId, estateId }: { surveyId?: string; estateId: string }) {
  const data = useRemote(async () => {
    const survey = surveyId ? await call('survey', 'detail', { surveyId }) : undefined;
    const overview = await call('property', 'estateOverview', { estateId: survey?.estateId ?? estateId });
    return { survey, overview };
  }, [surveyId, estateId]);
  return (
    <RemoteView remote={data}>
      {({ survey, overview }) => (
        <SurveyForm estateId={overview.estateId} buildings={overview.buildings} survey={survey} />
      )}
    </RemoteView>
  );
}
