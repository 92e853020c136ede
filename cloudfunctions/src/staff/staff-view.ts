import { maskPhone, roleLabels, skillLabels, type StaffMember, type StaffView } from '@linli/shared';

/** `viewerAccountId` marks the member that is the viewer themself (`isSelf`). */
export function toStaffView(member: StaffMember, viewerAccountId: string | null): StaffView {
  return {
    staffId: member._id,
    name: member.name,
    phone: maskPhone(member.phone) ?? '',
    roles: member.roles,
    roleLabels: member.roles.map((r) => roleLabels[r]),
    estateIds: member.estateIds,
    skills: member.skills,
    skillLabels: member.skills.map((s) => skillLabels[s]),
    level: member.level,
    shifts: member.shifts,
    status: !member.active ? 'inactive' : member.accountId ? 'joined' : 'invited',
    inviteCode: member.accountId ? null : member.inviteCode,
    isSelf: member.accountId !== null && member.accountId === viewerAccountId,
  };
}

/** What an account's identity carries of its staff record. */
export const accountStaffFields = (member: StaffMember) =>
  member.active ? { roles: member.roles, estateIds: member.estateIds, skills: member.skills } : null;
