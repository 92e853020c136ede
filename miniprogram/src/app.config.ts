const ownerTabs = ['pages/home/index', 'pages/bills/index', 'pages/repair/index', 'pages/mine/index'];

export default defineAppConfig({
  pages: [
    ...ownerTabs,
    'pages/bind/index',
    // The dev login stands in for WeChat's identity in the local runtime; weapp never ships it.
    ...(process.env.TARO_ENV === 'h5' ? ['pages/dev-login/index'] : []),
  ],
  // Staff pages stay out of the main package (2 MB cap) and out of owners' downloads.
  subPackages: [{ root: 'admin', pages: ['workbench/index'] }],
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
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/bills/index', text: '缴费' },
      { pagePath: 'pages/repair/index', text: '报修' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
