import { assessPriority } from './priority';

describe('priority from category and keywords', () => {
  it.each([
    ['plumbing', '厨房水管漏水，地上全是水', 'urgent'],
    ['plumbing', '卫生间水管爆裂', 'urgent'],
    ['lift', '3号楼电梯困人，请速来', 'urgent'],
    ['electrical', '整层停电了', 'urgent'],
    ['other', '楼道里有燃气味', 'urgent'],
    ['gas', '燃气表读数异常', 'urgent'],
    ['lift', '电梯按钮不灵', 'high'],
    ['plumbing', '下水道堵塞', 'high'],
    ['electrical', '客厅跳闸', 'high'],
    ['civil', '墙皮有点掉漆', 'low'],
    ['locks', '单元门门锁有点松', 'normal'],
  ] as const)('%s “%s” is %s', (category, description, priority) => {
    expect(assessPriority(category, description).priority).toBe(priority);
  });

  it('names the words that decided it', () => {
    expect(assessPriority('plumbing', '水管漏水').reasons).toEqual(['关键词“漏水”']);
    expect(assessPriority('lift', '电梯按钮不灵').reasons).toEqual(['类别“电梯”']);
    expect(assessPriority('plumbing', '一般的问题').reasons).toEqual([]);
  });

  it('does not read a negated keyword as the emergency', () => {
    expect(assessPriority('plumbing', '水龙头已经不漏水了，但有异响').priority).toBe('low');
    expect(assessPriority('electrical', '没有停电，只是灯不亮').priority).toBe('normal');
  });

  it('lets a low word lower only an ordinary order', () => {
    expect(assessPriority('lift', '电梯轿厢有划痕').priority).toBe('high');
    expect(assessPriority('plumbing', '漏水把墙皮泡掉了').priority).toBe('urgent');
  });
});
