import { propertyApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { getTree, getUnitRooms } from './actions/browse';
import { getEstateOverview } from './actions/get-estate-overview';
import { getMyHome } from './actions/get-my-home';
import { getHousehold, revealContact } from './actions/household-detail';
import { exportSheet, importSheet, importTemplate } from './actions/import-export';
import { search } from './actions/search';

export const property = defineFunction('property', propertyApi, {
  myHome: getMyHome,
  estateOverview: getEstateOverview,
  tree: getTree,
  unitRooms: getUnitRooms,
  search,
  household: getHousehold,
  revealContact,
  importSheet,
  exportSheet,
  importTemplate,
});
