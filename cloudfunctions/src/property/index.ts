import { propertyApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { getEstateOverview } from './actions/get-estate-overview';
import { getMyHome } from './actions/get-my-home';

export const property = defineFunction('property', propertyApi, {
  myHome: getMyHome,
  estateOverview: getEstateOverview,
});
