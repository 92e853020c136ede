// The owner's four tabs. Icons are drawn by scripts/draw-tab-icons.mjs.
const tabs = [
  { pagePath: 'pages/home/index', text: '首页', icon: 'home' },
  { pagePath: 'pages/bills/index', text: '缴费', icon: 'bills' },
  { pagePath: 'pages/repair/index', text: '报修', icon: 'repair' },
  { pagePath: 'pages/mine/index', text: '我的', icon: 'mine' },
];

export default defineAppConfig({
  pages: [
    ...tabs.map((tab) => tab.pagePath),
    'pages/bind/index',
    'pages/staff-join/index',
    // The dev login stands in for WeChat's identity in the local runtime; weapp never ships it.
    ...(process.env.TARO_ENV === 'h5' ? ['pages/dev-login/index'] : []),
  ],
  // Staff pages stay out of the main package (2 MB cap) and out of owners' downloads.
  subPackages: [
    {
      root: 'admin',
      pages: [
        'workbench/index',
        'bindings/index',
        'households/index',
        'household/index',
        'staff/index',
        'staff-edit/index',
        'import/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '邻里',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#6b7280',
    selectedColor: '#16a34a',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: tabs.map(({ pagePath, text, icon }) => ({
      pagePath,
      text,
      iconPath: `assets/tab-bar/${icon}.png`,
      selectedIconPath: `assets/tab-bar/${icon}-active.png`,
    })),
  },
  lazyCodeLoading: 'requiredComponents',
});
