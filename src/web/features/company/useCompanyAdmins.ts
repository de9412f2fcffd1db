import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import type { CompanyAdmin } from '../../api/types';

export function useCompanyAdmins() {
  return useQuery({
    queryKey: ['company', 'admins'],
    queryFn: () => get<{ items: CompanyAdmin[] }>('/api/company/admins'),
    select: (data) => data.items,
  });
}
