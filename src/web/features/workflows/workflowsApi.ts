import type { CreateWorkflowBody, UpdateWorkflowBody, Workflow } from '../../../shared/api.js';
import { patch, post } from '../../api/client';
import { useItemMutation } from '../items/itemsApi';

export const WORKFLOWS_PATH = '/api/workflows';

export const useCreateWorkflow = () =>
  useItemMutation(WORKFLOWS_PATH, (body: CreateWorkflowBody) => post<Workflow>(WORKFLOWS_PATH, body));

export const useEditWorkflow = () =>
  useItemMutation(WORKFLOWS_PATH, ({ id, changes }: { id: string; changes: UpdateWorkflowBody }) =>
    patch<Workflow>(`${WORKFLOWS_PATH}/${id}`, changes),
  );

export const useSwitchWorkflow = () =>
  useItemMutation(WORKFLOWS_PATH, ({ id, enabled }: { id: string; enabled: boolean }) =>
    post<Workflow>(`${WORKFLOWS_PATH}/${id}/${enabled ? 'enable' : 'disable'}`),
  );
